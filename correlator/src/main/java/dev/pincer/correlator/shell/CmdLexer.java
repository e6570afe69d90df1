package dev.pincer.correlator.shell;

/**
 * cmd.exe command-line rules: {@code "} toggles quoting; outside quotes {@code & | < > ( )} and
 * line breaks are operators and {@code ^} escapes the next character; {@code %name%} expands
 * everywhere, quoted or not; spaces and tabs separate words.
 *
 * <p>Example: {@code type "C:\a b.txt" & whoami} has words {@code type}, {@code "C:\a b.txt"},
 * {@code whoami} (a command), and {@code &} as syntax.
 */
final class CmdLexer {
    /** A {@code %name%} expansion's name is looked for this far. */
    private static final int MAX_VAR = 64;

    private CmdLexer() {
    }

    static ScriptMap lex(String s) {
        ScriptMap m = new ScriptMap(s);
        int n = s.length();
        boolean quoted = false;
        int quoteAt = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '%' && variable(s, i)) {
                m.syntax(i, false);
                m.wordChar(i, false);
            } else if (c == '"') {
                quoted = !quoted;
                quoteAt = i;
                m.wordChar(i, true);
            } else if (quoted) {
                m.wordChar(i, false);
            } else if (c == '^') {
                m.wordChar(i, false);
                if (i + 1 < n) {
                    m.wordChar(++i, false);
                }
            } else if (c == '&' || c == '|' || c == '(' || c == ')' || c == '\n' || c == '\r') {
                m.syntax(i, c != ')');
            } else if (c == '<' || c == '>') {
                m.syntax(i, false);
                m.operandNext();
            } else if (c == ' ' || c == '\t') {
                m.blank(i);
            } else {
                m.wordChar(i, false);
            }
        }
        if (quoted) {
            m.unterminatedAt = quoteAt;
        }
        return m;
    }

    /** {@code %name%} (or {@code %name:~0,3%}) starting at {@code i}. */
    private static boolean variable(String s, int i) {
        for (int j = i + 1; j < s.length() && j - i <= MAX_VAR; j++) {
            char c = s.charAt(j);
            if (c == '%') {
                return j > i + 1;
            }
            if (c == ' ' || c == '"' || c == '&' || c == '|' || c == '<' || c == '>') {
                return false;
            }
        }
        return false;
    }
}
