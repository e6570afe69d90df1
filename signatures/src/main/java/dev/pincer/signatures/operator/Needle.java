package dev.pincer.signatures.operator;

/**
 * Substring search in linear time whatever the input: {@code String.indexOf} for short needles
 * (at most {@value #SHORT} chars, where its worst case is still a small multiple of the haystack),
 * Knuth-Morris-Pratt for longer ones, whose failure table is built once per needle. Used by
 * {@code @contains}, {@code @containsWord}, {@code @strmatch} and {@code @within}, whose argument
 * may come from a macro, so neither side can be trusted to be short.
 *
 * <p>Example: {@code Needle.of("<script").indexOf("a<script>", 0)} is 1.
 */
final class Needle {

    static final int SHORT = 16;

    private final String text;
    private final int[] failure;  // null for short needles

    private Needle(String text) {
        this.text = text;
        this.failure = text.length() > SHORT ? failureTable(text) : null;
    }

    static Needle of(String text) {
        return new Needle(text);
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** First index {@code >= from} where the needle occurs in {@code hay}, or -1. */
    int indexOf(String hay, int from) {
        if (failure == null) {
            return hay.indexOf(text, from);
        }
        int m = text.length();
        int k = 0;
        for (int i = Math.max(from, 0); i < hay.length(); i++) {
            char c = hay.charAt(i);
            while (k > 0 && text.charAt(k) != c) {
                k = failure[k - 1];
            }
            if (text.charAt(k) == c) {
                k++;
            }
            if (k == m) {
                return i - m + 1;
            }
        }
        return -1;
    }

    /**
     * Returns the first occurrence at or after {@code from}
     * for which {@code accept} holds, scanning {@code hay} once (occurrences may overlap).
     */
    int indexOf(String hay, int from, Occurrence accept) {
        int m = text.length();
        if (failure == null) {
            for (int pos = hay.indexOf(text, from); pos >= 0; pos = hay.indexOf(text, pos + 1)) {
                if (accept.test(hay, pos, m)) {
                    return pos;
                }
            }
            return -1;
        }
        int k = 0;
        for (int i = Math.max(from, 0); i < hay.length(); i++) {
            char c = hay.charAt(i);
            while (k > 0 && text.charAt(k) != c) {
                k = failure[k - 1];
            }
            if (text.charAt(k) == c) {
                k++;
            }
            if (k == m) {
                if (accept.test(hay, i - m + 1, m)) {
                    return i - m + 1;
                }
                k = failure[k - 1];
            }
        }
        return -1;
    }

    /** A test on one occurrence of a needle of {@code length} chars at {@code pos} in {@code hay}. */
    @FunctionalInterface
    interface Occurrence {
        boolean test(String hay, int pos, int length);
    }

    private static int[] failureTable(String p) {
        int[] f = new int[p.length()];
        int k = 0;
        for (int i = 1; i < p.length(); i++) {
            while (k > 0 && p.charAt(k) != p.charAt(i)) {
                k = f[k - 1];
            }
            if (p.charAt(k) == p.charAt(i)) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
