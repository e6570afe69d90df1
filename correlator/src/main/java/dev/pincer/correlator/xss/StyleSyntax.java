package dev.pincer.correlator.xss;

/**
 * Marks style-sheet syntax inside {@code <style>} content and {@code style} attribute values
 * (after character-reference decoding): the delimiters of strings and comments, braces,
 * semicolons and parentheses, as {@link Role#STYLE}. Inside a string or comment, characters are
 * content. Linear, never throws.
 *
 * <p>Example: in {@code color: "a;b"; }, both quotes and the last {@code ;} are syntax; {@code a;b}
 * is content.
 */
final class StyleSyntax {
    private static final String SYNTAX = "{};()";

    private StyleSyntax() {
    }

    static void markAll(String html, Markup m) {
        for (int i = 0; i < m.spanCount(); i++) {
            int kind = m.spanKind(i);
            if (kind == Markup.STYLE || kind == Markup.STYLE_ATTR) {
                mark(Decoded.of(html, m.spanStart(i), m.spanEnd(i), kind == Markup.STYLE_ATTR), m);
            }
        }
    }

    static void mark(Decoded d, Markup m) {
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < d.length; i++) {
            char ch = d.chars[i];
            if (comment) {
                if (ch == '*' && i + 1 < d.length && d.chars[i + 1] == '/') {
                    syntax(d, i, m);
                    syntax(d, ++i, m);
                    comment = false;
                }
            } else if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote || ch == '\n') {
                    syntax(d, i, m);
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                syntax(d, i, m);
            } else if (ch == '/' && i + 1 < d.length && d.chars[i + 1] == '*') {
                syntax(d, i, m);
                syntax(d, ++i, m);
                comment = true;
            } else if (ch == '\\') {
                syntax(d, i, m);
                i++;
            } else if (SYNTAX.indexOf(ch) >= 0) {
                syntax(d, i, m);
            }
        }
    }

    private static void syntax(Decoded d, int k, Markup m) {
        if (k < d.length) {
            m.markContent(d.raw(k), d.raw(k + 1), Role.STYLE);
        }
    }
}
