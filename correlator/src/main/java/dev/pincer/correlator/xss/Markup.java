package dev.pincer.correlator.xss;

/**
 * One HTML document as {@link HtmlTokenizer} read it: a {@link Role} per character, and the spans
 * whose content is itself a language (script, style, URL), each as {@code start, end, kind}
 * triples in document order.
 *
 * <p>Example: {@code <a href="javascript:go()">} has one span {@code [9, 24) URL}.
 */
final class Markup {
    /** An attribute whose value is a URL ({@code href}, {@code src}, {@code action}, ...). */
    static final int URL = 1;
    /** An event handler attribute ({@code onclick}, ...): its value is script. */
    static final int EVENT = 2;
    /** A {@code style} attribute. */
    static final int STYLE_ATTR = 3;
    /** The content of a {@code <script>} element. */
    static final int SCRIPT = 4;
    /** The content of a {@code <style>} element. */
    static final int STYLE = 5;

    private final byte[] roles;
    private int[] spans = new int[24];
    private int spanInts;
    private int[] schemes = new int[8];
    private int schemeInts;

    Markup(int length) {
        this.roles = new byte[length];
    }

    byte[] roles() {
        return roles;
    }

    void mark(int from, int to, byte role) {
        for (int i = from; i < to; i++) {
            roles[i] = role;
        }
    }

    /** Marks {@code [from, to)} with {@code role} where it is still content. */
    void markContent(int from, int to, byte role) {
        for (int i = from; i < to; i++) {
            if (roles[i] == Role.CONTENT) {
                roles[i] = role;
            }
        }
    }

    /** Records a dangerous URL scheme's span; they arrive in document order and do not overlap. */
    void scheme(int start, int end) {
        if (schemeInts + 2 > schemes.length) {
            schemes = java.util.Arrays.copyOf(schemes, schemes.length * 2);
        }
        schemes[schemeInts++] = start;
        schemes[schemeInts++] = end;
    }

    /** The start of the first dangerous scheme span overlapping {@code [start, end)}, or -1 (binary search). */
    int schemeIn(int start, int end) {
        int lo = 0;
        int hi = schemeInts / 2; // first span whose end is after start
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (schemes[2 * mid + 1] <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < schemeInts / 2 && schemes[2 * lo] < end ? schemes[2 * lo] : -1;
    }

    void span(int start, int end, int kind) {
        if (spanInts + 3 > spans.length) {
            spans = java.util.Arrays.copyOf(spans, spans.length * 2);
        }
        spans[spanInts++] = start;
        spans[spanInts++] = end;
        spans[spanInts++] = kind;
    }

    int spanCount() {
        return spanInts / 3;
    }

    int spanStart(int i) {
        return spans[3 * i];
    }

    int spanEnd(int i) {
        return spans[3 * i + 1];
    }

    int spanKind(int i) {
        return spans[3 * i + 2];
    }
}
