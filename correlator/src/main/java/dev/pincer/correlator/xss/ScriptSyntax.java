package dev.pincer.correlator.xss;

/**
 * Marks script syntax inside a document's scripts: {@code <script>} content, event handler
 * attribute values (after character-reference decoding) and what follows a {@code javascript:}
 * URL's colon. A small ECMAScript lexer: string literals ({@code '}, {@code "}), template literals
 * with {@code ${...}} nesting, line and block comments, regular-expression literals (after an
 * operator or at the start), and code. Marked as {@link Role#SCRIPT}: every delimiter that opens
 * or closes a string, template, comment or regex, and in code every character that is not part of
 * an identifier, a number or white space. Inside a literal, characters are content: an input
 * there that does not end the literal is data.
 *
 * <p>Linear, no recursion (template nesting is a bounded counter stack: deeper nesting is read as
 * code, which marks more, never less), never throws.
 *
 * <p>Example: in {@code var q = "a'b";}, both {@code "} and {@code =}, {@code ;} are syntax;
 * {@code a'b} is content.
 */
final class ScriptSyntax {
    private static final int CODE = 0;
    private static final int SINGLE = 1;
    private static final int DOUBLE = 2;
    private static final int TEMPLATE = 3;
    private static final int LINE = 4;
    private static final int BLOCK = 5;
    private static final int REGEX = 6;
    private static final int REGEX_CLASS = 7;
    private static final int MAX_TEMPLATE_DEPTH = 32;

    private ScriptSyntax() {
    }

    /** Marks every script span of {@code m}. */
    static void markAll(String html, Markup m) {
        for (int i = 0; i < m.spanCount(); i++) {
            int kind = m.spanKind(i);
            int start = m.spanStart(i);
            int end = m.spanEnd(i);
            if (kind == Markup.SCRIPT) {
                mark(Decoded.of(html, start, end, false), 0, m);
            } else if (kind == Markup.EVENT) {
                mark(Decoded.of(html, start, end, true), 0, m);
            } else if (kind == Markup.URL) {
                Decoded d = Decoded.of(html, start, end, true);
                int colon = UrlScheme.dangerousColon(d);
                if (colon >= 0) {
                    m.scheme(start, d.raw(colon + 1));
                    mark(d, colon + 1, m);
                }
            }
        }
    }

    static void mark(Decoded d, int from, Markup m) {
        char[] c = d.chars;
        int n = d.length;
        int state = CODE;
        int[] braces = new int[MAX_TEMPLATE_DEPTH];
        int templates = 0;
        int depth = 0;
        char last = 0; // the last significant code character, for regex-or-division
        for (int i = from; i < n; i++) {
            char ch = c[i];
            switch (state) {
                case CODE -> {
                    if (ch == '\'' || ch == '"' || ch == '`') {
                        state = ch == '\'' ? SINGLE : ch == '"' ? DOUBLE : TEMPLATE;
                        syntax(d, i, m);
                    } else if (ch == '/' && i + 1 < n && (c[i + 1] == '/' || c[i + 1] == '*')) {
                        state = c[i + 1] == '/' ? LINE : BLOCK;
                        syntax(d, i, m);
                        syntax(d, ++i, m);
                    } else if (ch == '/' && regexAllowed(last)) {
                        state = REGEX;
                        syntax(d, i, m);
                    } else if (ch == '}' && templates > 0 && depth == braces[templates - 1]) {
                        templates--;
                        state = TEMPLATE;
                        syntax(d, i, m);
                    } else if (!word(ch) && !blank(ch)) {
                        depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
                        syntax(d, i, m);
                    }
                    if (!blank(ch) && state == CODE) {
                        last = ch;
                    }
                }
                case SINGLE, DOUBLE -> {
                    if (ch == '\\') {
                        i++;
                    } else if (ch == (state == SINGLE ? '\'' : '"') || ch == '\n' || ch == '\r') {
                        state = CODE;
                        last = 'a'; // a string is an operand: a '/' after it divides
                        syntax(d, i, m);
                    }
                }
                case TEMPLATE -> {
                    if (ch == '\\') {
                        i++;
                    } else if (ch == '`') {
                        state = CODE;
                        last = 'a';
                        syntax(d, i, m);
                    } else if (ch == '$' && i + 1 < n && c[i + 1] == '{') {
                        syntax(d, i, m);
                        syntax(d, ++i, m);
                        if (templates < MAX_TEMPLATE_DEPTH) {
                            braces[templates++] = depth;
                        }
                        state = CODE;
                    }
                }
                case LINE -> {
                    if (ch == '\n' || ch == '\r' || ch == '\u2028' || ch == '\u2029') {
                        state = CODE;
                        syntax(d, i, m);
                    }
                }
                case BLOCK -> {
                    if (ch == '*' && i + 1 < n && c[i + 1] == '/') {
                        syntax(d, i, m);
                        syntax(d, ++i, m);
                        state = CODE;
                    }
                }
                case REGEX, REGEX_CLASS -> {
                    if (ch == '\\') {
                        i++;
                    } else if (ch == '\n' || ch == '\r') {
                        state = CODE;
                    } else if (state == REGEX && ch == '[') {
                        state = REGEX_CLASS;
                    } else if (state == REGEX_CLASS && ch == ']') {
                        state = REGEX;
                    } else if (state == REGEX && ch == '/') {
                        state = CODE;
                        last = 'a';
                        syntax(d, i, m);
                    }
                }
                default -> state = CODE;
            }
        }
    }

    private static boolean regexAllowed(char last) {
        return last == 0 || "(,=:[!&|?{};+-*%<>~^".indexOf(last) >= 0;
    }

    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
                || c == '.' || c > 0x7f;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b' || c == '\u00a0';
    }

    private static void syntax(Decoded d, int k, Markup m) {
        if (k < d.length) {
            m.markContent(d.raw(k), d.raw(k + 1), Role.SCRIPT);
        }
    }
}
