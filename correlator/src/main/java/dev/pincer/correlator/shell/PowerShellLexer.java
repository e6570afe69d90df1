package dev.pincer.correlator.shell;

/**
 * PowerShell quoting and operators, enough to see what a script's characters do: {@code '...'}
 * is literal ({@code ''} escapes a quote); {@code "..."} expands {@code $name}, {@code ${...}} and
 * {@code $(...)}, with the backtick as escape; typographic quotes ({@code ‘ ’ ‚ ‛ “ ” „}) quote
 * exactly like ASCII ones, as PowerShell treats them; outside quotes {@code ; | & ( ) { } < >} and
 * line breaks are operators, the backtick escapes, {@code $}/{@code @} expansions are syntax and
 * {@code #} at a word start begins a comment.
 *
 * <p>Example: {@code Get-Item ‘x’; calc} has words {@code Get-Item} (a command), {@code ‘x’},
 * {@code calc} (a command), and {@code ;} as syntax.
 */
final class PowerShellLexer {
    private static final String SINGLE = "'\u2018\u2019\u201a\u201b";
    private static final String DOUBLE = "\"\u201c\u201d\u201e";

    private PowerShellLexer() {
    }

    static ScriptMap lex(String s) {
        ScriptMap m = new ScriptMap(s);
        int n = s.length();
        int quote = 0;
        int quoteAt = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char d = i + 1 < n ? s.charAt(i + 1) : '\0';
            if (quote == 1) {
                boolean q = SINGLE.indexOf(c) >= 0;
                if (q && SINGLE.indexOf(d) >= 0) {
                    m.wordChar(i, false);
                    m.wordChar(++i, false);
                    continue;
                }
                m.wordChar(i, q);
                quote = q ? 0 : 1;
                continue;
            }
            if (quote == 2) {
                boolean q = DOUBLE.indexOf(c) >= 0;
                if (c == '`' || (q && DOUBLE.indexOf(d) >= 0)) {
                    m.wordChar(i, false);
                    if (i + 1 < n) {
                        m.wordChar(++i, false);
                    }
                    continue;
                }
                if (c == '$' && expands(d)) {
                    m.syntax(i, false);
                }
                m.wordChar(i, q);
                quote = q ? 0 : 2;
                continue;
            }
            if (c == '`') {
                m.wordChar(i, false);
                if (i + 1 < n) {
                    m.wordChar(++i, false);
                }
            } else if (Character.isWhitespace(c) && c != '\n' && c != '\r' || c == '\u00a0') {
                m.blank(i);
            } else if (";|&(){}\n\r".indexOf(c) >= 0) {
                m.syntax(i, c != ')' && c != '}');
            } else if (c == '<' || c == '>') {
                m.syntax(i, false);
                m.operandNext();
            } else if (c == '#' && (i == 0 || m.word[i - 1] < 0)) {
                m.syntax(i, false);
                while (i + 1 < n && s.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (SINGLE.indexOf(c) >= 0 || DOUBLE.indexOf(c) >= 0) {
                quote = SINGLE.indexOf(c) >= 0 ? 1 : 2;
                quoteAt = i;
                m.wordChar(i, true);
            } else {
                if ((c == '$' && expands(d)) || (c == '@' && (d == '(' || d == '{'))) {
                    m.syntax(i, false);
                }
                m.wordChar(i, false);
            }
        }
        if (quote != 0) {
            m.unterminatedAt = quoteAt;
        }
        return m;
    }

    private static boolean expands(char d) {
        return d == '(' || d == '{' || d == '_' || d == ':' || d == '?' || d == '^' || Character.isLetterOrDigit(d);
    }
}
