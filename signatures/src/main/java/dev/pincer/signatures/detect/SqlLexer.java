package dev.pincer.signatures.detect;

/**
 * Splits a byte string into SQL tokens, one per {@link #next} call, the way a lenient SQL parser
 * of any common dialect would see it.
 *
 * <p>Arguments: the value, the context ({@code 0}: as is; {@code '} or {@code "}: the value is
 * read as if a string opened by that quote had just begun, so its first token is the rest of that
 * string), and the dialect ({@code mysql}: {@code #} starts a comment and {@code --x} is two minus
 * signs; otherwise {@code #} is an operator and {@code --x} a comment). Every call consumes at
 * least one byte, so a scan is linear in the value.
 *
 * <p>Example: {@code x' or 1=1 -- } in the single-quote context gives {@code s:x}, {@code &:or},
 * {@code 1:1}, {@code o:=}, {@code 1:1}, {@code c:-- }.
 */
final class SqlLexer {
    /** Longest word looked up in the keyword table; longer words are barewords. */
    private static final int MAX_WORD = 32;

    private final String s;
    private final int n;
    private final char context;
    private final boolean mysql;
    private int pos;
    int statTokens;
    int statCommentDdx;
    int statCommentHash;

    SqlLexer(String s, char context, boolean mysql) {
        this.s = s;
        this.n = s.length();
        this.context = context;
        this.mysql = mysql;
    }

    /** Reads the next token into {@code t}; false at the end of the value. */
    boolean next(SqlToken t) {
        if (pos == 0 && context != 0) {
            pos = SqlStrings.scan(s, 0, context, t, false);
            statTokens++;
            return true;
        }
        while (pos < n) {
            char c = s.charAt(pos);
            if (isWhite(c)) {
                pos++;
                continue;
            }
            pos = token(c, t);
            statTokens++;
            return true;
        }
        return false;
    }

    static boolean isWhite(char c) {
        return c <= ' ' || c == 0xA0;
    }

    private int token(char c, SqlToken t) {
        switch (c) {
            case '"', '\'':
                return SqlStrings.scan(s, pos, c, t, true);
            case '`':
                return tick(t);
            case '#':
                statCommentHash++;
                if (mysql) {
                    return eolComment(t);
                }
                t.set(SqlToken.OPERATOR, "#");
                return pos + 1;
            case '-':
                return dash(t);
            case '/':
                return slash(t);
            case '@':
                return SqlWords.variable(s, pos, t);
            case '$':
                return SqlWords.money(s, pos, t);
            case '[':
                return SqlWords.bracketWord(s, pos, t);
            case '\\':
                if (pos + 1 < n && s.charAt(pos + 1) == 'N') {
                    t.set(SqlToken.NUMBER, "\\N");
                    return pos + 2;
                }
                return one(SqlToken.BACKSLASH, t);
            case '(', ')', '{', '}', ',', ';':
                return one(c, t);
            case '?', ']':
                return one(SqlToken.UNKNOWN, t);
            case '%', '*', '^', '~', '+':
                return one(SqlToken.OPERATOR, t);
            case '!', '&', '|', '<', '=', '>', ':':
                return operator2(t);
            default:
                if ((c >= '0' && c <= '9') || c == '.') {
                    return SqlNumbers.scan(s, pos, t);
                }
                return SqlWords.word(s, pos, t, MAX_WORD);
        }
    }

    private int one(char type, SqlToken t) {
        t.set(type, String.valueOf(s.charAt(pos)));
        return pos + 1;
    }

    private int eolComment(SqlToken t) {
        int end = s.indexOf('\n', pos);
        if (end < 0) {
            t.set(SqlToken.COMMENT, s.substring(pos));
            return n;
        }
        t.set(SqlToken.COMMENT, s.substring(pos, end));
        return end + 1;
    }

    private int dash(SqlToken t) {
        boolean twice = pos + 1 < n && s.charAt(pos + 1) == '-';
        if (twice && (pos + 2 == n || isWhite(s.charAt(pos + 2)))) {
            return eolComment(t);
        }
        if (twice && !mysql) {
            statCommentDdx++;
            return eolComment(t);
        }
        return one(SqlToken.OPERATOR, t);
    }

    /** {@code /*...*}{@code /} is a comment; nested or MySQL-conditional ({@code /*!}) is evil. */
    private int slash(SqlToken t) {
        if (pos + 1 >= n || s.charAt(pos + 1) != '*') {
            return one(SqlToken.OPERATOR, t);
        }
        int close = s.indexOf("*/", pos + 2);
        int end = close < 0 ? n : close + 2;
        int inner = s.indexOf("/*", pos + 2);
        boolean nested = inner >= 0 && inner < (close < 0 ? n : close);
        boolean conditional = pos + 2 < n && s.charAt(pos + 2) == '!';
        t.set(nested || conditional ? SqlToken.EVIL : SqlToken.COMMENT, s.substring(pos, end));
        return end;
    }

    private int operator2(SqlToken t) {
        if (pos + 2 < n && s.startsWith("<=>", pos)) {
            t.set(SqlToken.OPERATOR, "<=>");
            return pos + 3;
        }
        if (pos + 1 < n) {
            char type = SqlWords.operator2(s.charAt(pos), s.charAt(pos + 1));
            if (type != 0) {
                t.set(type, s.substring(pos, pos + 2));
                return pos + 2;
            }
        }
        return one(s.charAt(pos) == ':' ? SqlToken.COLON : SqlToken.OPERATOR, t);
    }

    /** MySQL backticks: a quoted name; a function name stays a function. */
    private int tick(SqlToken t) {
        int end = SqlStrings.scan(s, pos, '`', t, true);
        t.type = SqlKeywords.type(t.value) == SqlToken.FUNCTION ? SqlToken.FUNCTION
                : SqlToken.BAREWORD;
        return end;
    }
}
