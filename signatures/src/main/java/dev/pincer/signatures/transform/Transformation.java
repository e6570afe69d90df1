package dev.pincer.signatures.transform;

/**
 * One ModSecurity transformation ({@code t:lowercase}, {@code t:urlDecodeUni}...): a pure function
 * over a byte string. Values are byte strings: one char per byte, every char in 0..255, as PCRE
 * sees them outside UTF mode. A transformation never throws and never produces a char above 255.
 *
 * <p>Implementations return the very same {@code String} instance when they change nothing, so
 * that {@code multiMatch} and the per-request transformation cache can tell a change by identity.
 */
public interface Transformation {

    /** The name as written after {@code t:}, in ModSecurity's spelling ({@code urlDecodeUni}). */
    String name();

    /** Transforms {@code value}; returns {@code value} itself when nothing changes. */
    String apply(String value);
}
