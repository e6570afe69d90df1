package dev.pincer.correlator.analyzer.internal;

/**
 * A sink argument made ready for {@link Occurrences}: its characters case-folded (per character,
 * so positions carry over) and, when it is long, its {@link Bigrams}. This preparation is charged
 * to the search once per argument (its length), and {@link CheckWork} keeps it for the next search
 * of the same string in the check: on a 1 MiB argument, preparing it again for every search was
 * most of a worst-case verdict.
 *
 * <p>Example: {@code Haystack.of("SELECT 1")} holds {@code "select 1"} and no pairs (it is shorter
 * than {@link Occurrences#PREFILTER_FROM}).
 */
final class Haystack {
    final char[] folded;
    /** The argument's character pairs, or null when it is shorter than {@link Occurrences#PREFILTER_FROM}. */
    final Bigrams pairs;

    private Haystack(char[] folded, Bigrams pairs) {
        this.folded = folded;
        this.pairs = pairs;
    }

    /**
     * {@code arg.length()} steps: a copy, a fold and, for a long argument, the pairs. (The fold and
     * the pairs are two loops on purpose: the fold alone vectorises, and one loop doing both ran
     * slower than the two together.)
     */
    static Haystack of(String arg) {
        char[] folded = fold(arg);
        return new Haystack(folded, folded.length < Occurrences.PREFILTER_FROM ? null : Bigrams.of(folded));
    }

    /** Per-character lower case: same length, so indices carry over. */
    static char[] fold(String s) {
        char[] out = new char[s.length()];
        s.getChars(0, out.length, out, 0);
        foldInPlace(out);
        return out;
    }

    private static void foldInPlace(char[] chars) {
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
    }

    /** {@link Character#toLowerCase(char)}, with ASCII (nearly every char of a sink argument) decided inline. */
    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
        }
        return Character.toLowerCase(c);
    }
}
