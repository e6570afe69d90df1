package dev.pincer.correlator.shell;

/**
 * POSIX sh quoting and word rules (XCU 2.2-2.3), enough to see what a script's characters do:
 * {@code '...'} is literal; in {@code "..."} only {@code $} expansions, backticks and {@code \}
 * before {@code $ ` " \ newline} are active; unquoted {@code \} escapes the next character;
 * blanks separate words; {@code ; & | ( ) < >} and newline are operators; {@code #} at a word start
 * begins a comment; {@code $(}, {@code ${}, {@code $name}, {@code $((..))}, backticks and brace
 * expansion ({@code {a,b}}, {@code {1..9}}) are syntax. Outside quotes, so are the expansions that
 * turn one word into other words or paths: globs ({@code *}, {@code ?}, a {@code [} closed by a
 * {@code ]} in the same word) and a tilde that starts a word or follows {@code =} or {@code :}
 * ({@code ~root/.ssh}, {@code a=~/x}). Inside quotes none of those expands.
 *
 * <p>Example: {@code cat "$HOME/a b" > out; id} has words {@code cat}, {@code "$HOME/a b"},
 * {@code out}, {@code id}, with {@code $} (expansion in double quotes), {@code >} and {@code ;} as syntax.
 */
final class PosixLexer {
    /** Brace expansion is looked for this far ahead of a {@code {}, bounding the work per brace. */
    private static final int BRACE_LOOKAHEAD = 256;

    private PosixLexer() {
    }

    static ScriptMap lex(String s) {
        ScriptMap m = new ScriptMap(s);
        int n = s.length();
        char quote = 0;
        int quoteAt = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                m.wordChar(i, c == '\'');
                quote = c == '\'' ? 0 : quote;
                continue;
            }
            if (quote == '"') {
                if (c == '\\' && i + 1 < n && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
                    m.wordChar(i, false);
                    m.wordChar(++i, false);
                } else if (c == '"') {
                    m.wordChar(i, true);
                    quote = 0;
                } else {
                    if (c == '`' || (c == '$' && expands(s, i + 1))) {
                        m.syntax(i, false);
                    }
                    m.wordChar(i, false);
                }
                continue;
            }
            if (c == '\\') {
                m.wordChar(i, false);
                if (i + 1 < n) {
                    m.wordChar(++i, false);
                }
            } else if (c == ' ' || c == '\t') {
                m.blank(i);
            } else if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                m.syntax(i, true);
            } else if (c == '<' || c == '>') {
                m.syntax(i, false);
                m.operandNext();
            } else if (c == '#' && (i == 0 || m.word[i - 1] < 0)) {
                m.syntax(i, false);
                while (i + 1 < n && s.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                quoteAt = i;
                m.wordChar(i, true);
            } else {
                if (c == '`' || (c == '$' && expands(s, i + 1)) || (c == '{' && braceExpansion(s, i))
                        || c == '*' || c == '?' || (c == '[' && bracket(s, i)) || (c == '~' && tilde(s, m, i))) {
                    m.syntax(i, c == '`');
                }
                m.wordChar(i, false);
            }
        }
        if (quote != 0) {
            m.unterminatedAt = quoteAt;
        }
        return m;
    }

    /** After {@code $}: a parameter, {@code (} (command or arithmetic substitution) or {@code {}. */
    static boolean expands(String s, int j) {
        if (j >= s.length()) {
            return false;
        }
        char c = s.charAt(j);
        return c == '(' || c == '{' || c == '_' || Character.isLetterOrDigit(c) || "@*#?$!-".indexOf(c) >= 0;
    }

    /** A {@code [} that opens a bracket expression: a {@code ]} follows in the same word (bounded lookahead). */
    private static boolean bracket(String s, int open) {
        for (int j = open + 2; j < s.length() && j - open < BRACE_LOOKAHEAD; j++) {
            char c = s.charAt(j);
            if (c == ']') {
                return true;
            }
            if (c == ' ' || c == '\t' || c == '\n' || ";&|()<>".indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * A {@code ~} the shell expands: at the start of a word, or after {@code =} or {@code :} (bash
     * expands {@code a=~/x}; a {@code :} in an assignment's path list). Over-approximates dash,
     * which expands only at the word start and in assignments: more syntax, never less.
     */
    private static boolean tilde(String s, ScriptMap m, int i) {
        return i == 0 || m.word[i - 1] < 0 || s.charAt(i - 1) == '=' || s.charAt(i - 1) == ':';
    }

    /** {@code {a,b}} or {@code {1..9}}: an unquoted brace group the shell expands into several words. */
    private static boolean braceExpansion(String s, int open) {
        boolean list = false;
        for (int j = open + 1; j < s.length() && j - open < BRACE_LOOKAHEAD; j++) {
            char c = s.charAt(j);
            if (c == '}') {
                return list;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '\'' || c == '"' || c == '{') {
                return false;
            }
            list |= c == ',' || (c == '.' && j + 1 < s.length() && s.charAt(j + 1) == '.');
        }
        return false;
    }
}
