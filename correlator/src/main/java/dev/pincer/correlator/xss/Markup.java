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
    /** A URL attribute value's dangerous scheme, up to and including its colon ({@link UrlScheme}). */
    static final int SCHEME = 6;

    private final byte[] roles;
    private int[] spans = new int[24];
    private int spanInts;

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
