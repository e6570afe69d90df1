package dev.pincer.correlator.xss;

/**
 * The characters of a span as the language inside it sees them: an attribute value after the
 * browser decodes its character references ({@code &#39;}, {@code &quot;}, {@code &colon;}, ...),
 * or a raw-text element's content as it is. {@link #raw(int)} maps a decoded index back to the
 * document, so a syntax character found in the decoded text marks the whole reference that
 * spelled it.
 *
 * <p>Example: {@code f(&#39;x&#39;)} decodes to {@code f('x')}; decoded index 2 maps to raw
 * {@code [2, 7)}.
 */
final class Decoded {
    final char[] chars;
    private final int[] rawStart;
    final int length;

    private Decoded(char[] chars, int[] rawStart, int length) {
        this.chars = chars;
        this.rawStart = rawStart;
        this.length = length;
    }

    /** {@code s[from, to)}, with character references decoded when {@code references}. */
    static Decoded of(String s, int from, int to, boolean references) {
        int len = Math.max(0, to - from);
        char[] out = new char[len];
        int[] raw = new int[len + 1];
        int k = 0;
        int i = from;
        while (i < to) {
            int next = references && s.charAt(i) == '&' ? References.end(s, i, to) : -1;
            raw[k] = i;
            if (next > i) {
                out[k++] = References.value(s, i, next);
                i = next;
            } else {
                out[k++] = s.charAt(i++);
            }
        }
        raw[k] = to;
        return new Decoded(out, raw, k);
    }

    /** The document index where decoded character {@code k} starts ({@code k == length}: the span's end). */
    int raw(int k) {
        return rawStart[k];
    }
}
