package dev.pincer.signatures.operator;

import java.util.List;

/**
 * An operator that matches exactly when one of its phrases occurs in the value, ASCII case
 * insensitively, each value char read as its low byte ({@code @pm}, {@code @pmFromFile}). The
 * prefilter scans such phrases with the rest of a rule set's literals, so a rule none of whose
 * phrases a value holds is skipped like a regex none of whose literals it holds.
 */
public interface Phrases {

    /** The phrases, as the rule gave them. */
    List<String> phrases();
}
