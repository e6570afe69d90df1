package dev.pincer.signatures.detect;

/**
 * Scans SQL words and the small lexemes around them: barewords and keywords (typed by
 * {@link SqlKeywords}), prefixed literals ({@code x'41'}, {@code b'01'}, {@code n'..'},
 * {@code e'..'}), variables ({@code @x}, {@code @@version}), {@code $} money and
 * {@code $$..$$} strings, {@code [bracketed]} names and two-character operators.
 *
 * <p>Example: {@code select.1} gives the keyword {@code select} and then {@code .1}, because the
 * part before the dot is a keyword; {@code tbl.col} stays one bareword.
 */
final class SqlWords {
    private static final boolean[] WORD_STOP = new boolean[256];

    static {
        for (char c : " []{}<>:\\?=@!#~+-*/&|^%(),';\"".toCharArray()) {
            WORD_STOP[c] = true;
        }
        for (char c = 0; c <= ' '; c++) {
            WORD_STOP[c] = true;
        }
        WORD_STOP[0xA0] = true;
    }

    private SqlWords() {
    }

    static boolean endsWord(char c) {
        return c < 256 && WORD_STOP[c];
    }

    static int word(String s, int pos, SqlToken t, int maxWord) {
        int n = s.length();
        char c = s.charAt(pos);
        if (pos + 2 < n && s.charAt(pos + 1) == '\'') {
            int literal = prefixedLiteral(s, pos, c, t);
            if (literal > 0) {
                return literal;
            }
        }
        int end = pos;
        while (end < n && !endsWord(s.charAt(end))) {
            end++;
        }
        for (int i = pos; i < end && i - pos <= maxWord; i++) {
            char d = s.charAt(i);
            if (d == '.' || d == '`') {
                char type = SqlKeywords.type(s, pos, i);
                if (type != 0 && type != SqlToken.BAREWORD) {
                    t.set(type, s.substring(pos, i));
                    return i;
                }
            }
        }
        char type = end - pos < maxWord ? SqlKeywords.type(s, pos, end) : 0;
        t.set(type == 0 ? SqlToken.BAREWORD : type, s.substring(pos, end));
        return end;
    }

    /** {@code x'hex'} and {@code b'bits'} are numbers; {@code n'..'} and {@code e'..'} strings. */
    private static int prefixedLiteral(String s, int pos, char c, SqlToken t) {
        String digits = c == 'x' || c == 'X' ? "0123456789abcdefABCDEF"
                : c == 'b' || c == 'B' ? "01" : null;
        if (digits != null) {
            int end = SqlNumbers.span(s, pos + 2, digits);
            if (end < s.length() && s.charAt(end) == '\'') {
                t.set(SqlToken.NUMBER, s.substring(pos, end + 1));
                return end + 1;
            }
            return 0;
        }
        if (c == 'n' || c == 'N' || c == 'e' || c == 'E') {
            return SqlStrings.scan(s, pos + 1, '\'', t, true);
        }
        return 0;
    }

    /** {@code @name}, {@code @@name}, {@code @'quoted'}, {@code @`quoted`}. */
    static int variable(String s, int pos, SqlToken t) {
        int n = s.length();
        int i = pos + 1;
        if (i < n && s.charAt(i) == '@') {
            i++;
        }
        if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"' || s.charAt(i) == '`')) {
            int end = SqlStrings.scan(s, i, s.charAt(i), t, true);
            t.type = SqlToken.VARIABLE;
            return end;
        }
        int end = i;
        while (end < n && !endsWord(s.charAt(end)) && s.charAt(end) != '`') {
            end++;
        }
        t.set(SqlToken.VARIABLE, s.substring(i, end));
        return end;
    }

    /** {@code $1,000.00} is a number, {@code $$text$$} a string, any other {@code $} a word. */
    static int money(String s, int pos, SqlToken t) {
        int n = s.length();
        int digits = SqlNumbers.span(s, pos + 1, "0123456789.,");
        if (digits > pos + 1 && !(digits == pos + 2 && s.charAt(pos + 1) == '.')) {
            t.set(SqlToken.NUMBER, s.substring(pos, digits));
            return digits;
        }
        if (pos + 1 < n && s.charAt(pos + 1) == '$') {
            int close = s.indexOf("$$", pos + 2);
            t.set(SqlToken.STRING, s.substring(pos + 2, close < 0 ? n : close));
            t.strOpen = '$';
            t.strClose = close < 0 ? SqlToken.NO_QUOTE : '$';
            return close < 0 ? n : close + 2;
        }
        if (digits == pos + 2) {
            return word(s, pos, t, 32);
        }
        t.set(SqlToken.BAREWORD, "$");
        return pos + 1;
    }

    /** SQL Server's {@code [name]}: one bareword up to the closing bracket. */
    static int bracketWord(String s, int pos, SqlToken t) {
        int close = s.indexOf(']', pos);
        int end = close < 0 ? s.length() : close + 1;
        t.set(SqlToken.BAREWORD, s.substring(pos, end));
        return end;
    }

    /** @return the type of the two-character operator {@code a b}, or 0 when it is not one */
    static char operator2(char a, char b) {
        String op = new String(new char[] {a, b});
        return switch (op) {
            case "&&", "||" -> SqlToken.LOGIC;
            case "!=", "<>", "<=", ">=", "==", "<<", ">>", ":=", "::", "!!", "->", "=>", "|/",
                    "!<", "!>", "~*", "!~", "@>", "<@", "&&&" -> SqlToken.OPERATOR;
            default -> 0;
        };
    }
}
