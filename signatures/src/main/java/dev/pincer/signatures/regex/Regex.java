package dev.pincer.signatures.regex;

/**
 * A compiled {@code @rx} pattern with ModSecurity's meaning, run in linear time.
 *
 * <p>{@link #compile} takes the pattern as written in a rule (PCRE syntax) and gives it the
 * semantics the Core Rule Set is tested against:
 * <ul>
 *   <li>values are byte strings, one char per byte (0..255), as PCRE sees them outside UTF mode:
 *       {@code \x{e2}} matches the byte 0xe2;</li>
 *   <li>{@code .} matches every byte, newlines included (DOTALL);</li>
 *   <li>{@code $} matches only at the very end (no final-newline exception), unless the pattern
 *       turns on {@code (?m)};</li>
 *   <li>{@code \s} includes the vertical tab 0x0b; case folding ({@code (?i)}) is ASCII-only;</li>
 *   <li>PCRE class syntax: {@code [[:alpha:]]}, a literal {@code [} or {@code &} inside a class, a
 *       leading {@code ]}; a {@code {} that starts no quantifier is literal.</li>
 * </ul>
 * {@link #compile} rejects backreferences, lookaround, atomic groups and possessive quantifiers:
 * its engine is linear-time, and no CRS v4 pattern needs them. CRS 3.3 has five patterns that do;
 * {@link #compileBounded} takes them on a backtracking engine whose work per value is bounded,
 * and which says when it gave up ({@link #search}). Instances are immutable and thread-safe;
 * {@link #find} never throws.
 *
 * <p>Example: {@code Regex.compile("(?i)<script[^>]*>").find("<SCRIPT src=x>")} is true.
 */
public interface Regex {

    /** Longest pattern accepted, in chars; CRS v4's longest is about 12 KiB. */
    int MAX_PATTERN_LENGTH = 256 * 1024;

    /**
     * Compiles a ModSecurity {@code @rx} pattern with the production engine.
     *
     * @throws IllegalArgumentException with the reason when the pattern does not compile
     */
    static Regex compile(String pattern) {
        return SafeReRegex.compile(pattern);
    }

    /**
     * Compiles a pattern for {@code @rx}: with the linear engine when it can, and when the pattern
     * needs lookaround, backreferences, possessive quantifiers or atomic groups, with
     * {@link BacktrackingRegex}: PCRE's meaning, a linear gate in front, and a bound on its work
     * per value past which {@link #search} gives up.
     *
     * @throws IllegalArgumentException with the reason when the pattern does not compile
     */
    static Regex compileBounded(String pattern) {
        try {
            return SafeReRegex.compile(pattern);
        } catch (IllegalArgumentException linear) {
            String relaxed;
            try {
                relaxed = Relaxation.relax(pattern);
            } catch (IllegalArgumentException e) {
                throw linear;
            }
            if (relaxed.equals(pattern) || pattern.length() > MAX_PATTERN_LENGTH) {
                throw linear;  // not one of the constructs only backtracking has: the linear engine's reason stands
            }
            return BacktrackingRegex.compile(pattern, relaxed);
        }
    }

    /** What {@link #search} found. */
    enum Result {
        MATCH,
        NO_MATCH,
        /** The engine's work bound ran out before it could decide: neither match nor no match. */
        GAVE_UP
    }

    /** The pattern as written in the rule. */
    String pattern();

    /** True when the pattern matches somewhere in {@code input}; never throws. */
    boolean find(CharSequence input);

    /**
     * Like {@link #find(CharSequence)}, and on a match records groups 0..9 in {@code captures}
     * (cleared first). Reuse one {@link Captures} per thread; nothing is copied until
     * {@link Captures#group} is called.
     */
    boolean find(CharSequence input, Captures captures);

    /**
     * Like {@link #find(CharSequence, Captures)} ({@code captures} may be null), but able to say
     * that the engine gave up; only a regex from {@link #compileBounded} ever does.
     */
    default Result search(CharSequence input, Captures captures) {
        boolean found = captures == null ? find(input) : find(input, captures);
        return found ? Result.MATCH : Result.NO_MATCH;
    }
}
