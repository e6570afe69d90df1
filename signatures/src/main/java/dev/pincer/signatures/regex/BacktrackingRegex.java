package dev.pincer.signatures.regex;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Regex} for a pattern that needs what only a backtracking engine has (lookaround,
 * backreferences, possessive quantifiers, atomic groups: CRS 3.3's 920120, 920600, 942130, 942260,
 * 953120), with PCRE's meaning and bounded work.
 *
 * <ul>
 *   <li>A gate first: the {@link Relaxation} of the pattern on the linear engine, which matches
 *       wherever the pattern does. When the gate does not match, neither does the pattern; most
 *       values stop there, in linear time.</li>
 *   <li>Then the pattern itself on {@code java.util.regex} (the {@link PcreSyntax#toJava}
 *       translation, DOTALL and UNIX_LINES, as the linear engine gets it), reading the value
 *       through a counter: at most {@link #STEPS_PER_CHAR} char reads per char of the value plus
 *       {@link #BASE_STEPS}. Past that, or on a stack overflow, it gives up:
 *       {@link Result#GAVE_UP}, which {@code @rx} turns into an incomplete transaction. It never
 *       runs longer than that bound, whatever the value.</li>
 * </ul>
 * Thread-safe; {@link #find(CharSequence)} (for callers that cannot say "gave up") answers false
 * then, as ModSecurity does past its PCRE match limit.
 *
 * <p>Example: {@code <\?(?!xml)} (953120) matches {@code <?php} and not {@code <?xml}; on 8 KiB of
 * {@code <?} the gate matches and the pattern decides within 8 KiB × 64 reads.
 */
final class BacktrackingRegex implements Regex {

    /**
     * Char reads allowed per char of the value. CRS 3.3's patterns read 1 to 35 per char of
     * ordinary text (942130 on prose: 17); a value that needs more is one that makes the pattern
     * backtrack, and 64 keeps such a call within about 0.5 µs per char.
     */
    static final int STEPS_PER_CHAR = 64;
    /** Char reads allowed on top, so that short values never give up. */
    static final int BASE_STEPS = 4096;

    private static final int FLAGS = Pattern.DOTALL | Pattern.UNIX_LINES;

    /** Thrown by the counter past the budget; no stack trace, one instance. */
    private static final RuntimeException GAVE_UP = new RuntimeException("regex step budget", null, false, false) {
    };

    private final String source;
    private final Pattern pattern;
    private final Regex gate;  // null when the relaxed pattern does not compile: the pattern always runs

    private BacktrackingRegex(String source, Pattern pattern, Regex gate) {
        this.source = source;
        this.pattern = pattern;
        this.gate = gate;
    }

    /** @throws IllegalArgumentException when java.util.regex does not take the pattern either */
    static BacktrackingRegex compile(String pcre, String relaxed) {
        String java = PcreSyntax.toJava(pcre);
        Pattern p;
        try {
            p = Pattern.compile(java, FLAGS);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex: " + e.getDescription(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("bad regex: " + e, e);
        }
        Regex gate;
        try {
            gate = SafeReRegex.compile(relaxed);
        } catch (IllegalArgumentException e) {
            gate = null;
        }
        return new BacktrackingRegex(pcre, p, gate);
    }

    @Override
    public String pattern() {
        return source;
    }

    @Override
    public boolean find(CharSequence input) {
        return search(input, null) == Result.MATCH;
    }

    @Override
    public boolean find(CharSequence input, Captures captures) {
        return search(input, captures) == Result.MATCH;
    }

    @Override
    public Result search(CharSequence input, Captures captures) {
        if (captures != null) {
            captures.begin(input);
        }
        if (gate != null && !gate.find(input)) {
            return Result.NO_MATCH;
        }
        Matcher m = pattern.matcher(new Counted(input, (long) STEPS_PER_CHAR * input.length() + BASE_STEPS));
        try {
            if (!m.find()) {
                clear(captures);
                return Result.NO_MATCH;
            }
            if (captures != null) {
                int groups = Math.min(m.groupCount(), Captures.MAX_GROUPS - 1);
                captures.set(0, m.start(), m.end());
                for (int g = 1; g <= groups; g++) {
                    if (m.start(g) >= 0) {
                        captures.set(g, m.start(g), m.end(g));
                    }
                }
            }
            return Result.MATCH;
        } catch (RuntimeException | StackOverflowError e) {
            clear(captures);
            return Result.GAVE_UP;
        }
    }

    private static void clear(Captures captures) {
        if (captures != null) {
            captures.clear();
        }
    }

    @Override
    public String toString() {
        return source;
    }

    /** The value as the matcher reads it: each char read counts, past {@code budget} it throws. */
    private static final class Counted implements CharSequence {
        private final CharSequence s;
        private long left;

        Counted(CharSequence s, long budget) {
            this.s = s;
            this.left = budget;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw GAVE_UP;
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }
}
