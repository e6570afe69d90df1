package dev.pincer.inspection.seclang.variables;

import dev.pincer.signatures.rule.Target;
import java.util.List;

/**
 * The values of one variable or collection in one transaction ({@code ARGS}, {@code TX},
 * {@code REQUEST_URI}), selected by a rule's {@link Target}: all of them, one key (compared
 * case-insensitively), or the keys a regex finds.
 */
public interface Collection {

    /** Adds every value {@code target} selects to {@code out}, in the collection's order. */
    void select(Target target, List<VariableValue> out);

    /** The number of values {@code target} selects ({@code &ARGS}, {@code &TX:crs_setup_version}). */
    int count(Target target);
}
