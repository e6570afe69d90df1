package dev.pincer.correlator.sql;

import dev.pincer.correlator.sql.SqlTokens.Type;

/**
 * String literals with a prefix, read as ONE literal only when their content is valid for that
 * prefix in a dialect that has it; otherwise the prefix is a word and the quote that follows opens
 * a plain string, as the database reads it ({@code x' OR '} is the word {@code x} and the string
 * {@code ' OR '}, not a hex literal). A prefix only some dialects know is a prefix only in their
 * {@link SqlQuoting} reading, so the others read it as a word. Per prefix:
 * <ul>
 *   <li>{@code N'..'} national character (SQL Server, MySQL, PostgreSQL, H2, Oracle): any
 *       content, in every reading.</li>
 *   <li>{@code X'..'} hex string (MySQL, PostgreSQL, H2, SQLite, standard SQL): hex digits and
 *       blanks only (standard SQL and H2 allow blanks between digits), in every reading.</li>
 *   <li>{@code B'..'} bit string (MySQL, PostgreSQL): {@code 0} and {@code 1} only, in every reading.</li>
 *   <li>{@code E'..'} escape string (PostgreSQL): in {@link SqlQuoting#POSTGRES} only, read with
 *       backslash escapes; valid unless a <code>&#92;u</code> or <code>&#92;U</code> lacks its 4 or
 *       8 hex digits.</li>
 *   <li>{@code U&'..'} Unicode escape string (PostgreSQL, H2): in {@link SqlQuoting#POSTGRES} only;
 *       every escape character ({@code \}, or the one a following {@code UESCAPE 'c'} names)
 *       followed by 4 hex digits, {@code +} and 6 hex digits, or itself.</li>
 *   <li>{@code q'c..c'} and {@code nq'c..c'} (Oracle): in {@link SqlQuoting#ORACLE} only; the
 *       delimiter {@code c} is any character but a blank or a quote, {@code [ { < (} closed by
 *       {@code ] } > )}; the literal ends at the first closing delimiter followed by a quote.</li>
 * </ul>
 *
 * <p>Example: {@code X'4A4B'} is one literal; {@code x' OR '} is not; in the Oracle reading
 * {@code q'[it's]'} is one literal with content {@code it's}.
 */
final class PrefixedLiterals {
    private PrefixedLiterals() {
    }

    /**
     * Reads a valid prefixed literal starting at {@code i} (a word start not preceded by a word
     * character) into {@code t} and returns its end, or returns -1 and adds nothing.
     */
    static int read(SqlTokens t, String s, int i, SqlQuoting q) {
        char c = lower(s, i);
        char d = lower(s, i + 1);
        if (q == SqlQuoting.ORACLE && (c == 'q' || (c == 'n' && d == 'q'))) {
            int open = i + (c == 'q' ? 1 : 2);
            if (at(s, open, '\'')) {
                return qQuoted(t, s, i, open);
            }
        }
        if (q == SqlQuoting.POSTGRES && c == 'u' && d == '&' && at(s, i + 2, '\'')) {
            return checked(t, s, i, i + 2, false, 'u');
        }
        if (q == SqlQuoting.POSTGRES && c == 'e' && at(s, i + 1, '\'')) {
            return checked(t, s, i, i + 1, true, 'e');
        }
        if ("nxb".indexOf(c) >= 0 && at(s, i + 1, '\'')) {
            return checked(t, s, i, i + 1, q.backslash() && c == 'n', c);
        }
        return -1;
    }

    /** The literal whose quote is at {@code open}, added if its content is valid for {@code prefix}. */
    private static int checked(SqlTokens t, String s, int from, int open, boolean backslash, char prefix) {
        int close = closingQuote(s, open, backslash);
        int contentEnd = close < 0 ? s.length() : close;
        boolean valid = switch (prefix) {
            case 'x' -> only(s, open + 1, contentEnd, "0123456789abcdefABCDEF \t\r\n");
            case 'b' -> only(s, open + 1, contentEnd, "01");
            case 'e' -> escapesValid(s, open + 1, contentEnd);
            case 'u' -> unicodeValid(s, open + 1, contentEnd, uescape(s, close));
            default -> true;
        };
        if (!valid) {
            return -1;
        }
        int end = close < 0 ? s.length() : close + 1;
        t.add(Type.STRING, from, end, open + 1, contentEnd);
        if (close < 0) {
            t.markUnterminated();
        }
        return end;
    }

    /** The index of the quote closing the literal opened at {@code open}, or -1 when it runs to the end. */
    static int closingQuote(String s, int open, boolean backslash) {
        char quote = s.charAt(open);
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < s.length() && s.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int qQuoted(SqlTokens t, String s, int from, int open) {
        if (open + 1 >= s.length()) {
            return -1;
        }
        char delim = s.charAt(open + 1);
        if (delim == '\'' || delim == ' ' || delim == '\t' || delim == '\r' || delim == '\n') {
            return -1;
        }
        int k = "[{<(".indexOf(delim);
        char closing = k >= 0 ? "]}>)".charAt(k) : delim;
        int close = s.indexOf(new String(new char[] {closing, '\''}), open + 2);
        if (close < 0) {
            t.add(Type.STRING, from, s.length(), open + 2, s.length());
            t.markUnterminated();
            return s.length();
        }
        t.add(Type.STRING, from, close + 2, open + 2, close);
        return close + 2;
    }

    /** PostgreSQL escape strings: <code>&#92;u</code> needs 4 hex digits, <code>&#92;U</code> 8; anything else is one character. */
    private static boolean escapesValid(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '\\' || i + 1 >= to) {
                continue;
            }
            char c = s.charAt(i + 1);
            if ((c == 'u' && !hex(s, i + 2, 4, to)) || (c == 'U' && !hex(s, i + 2, 8, to))) {
                return false;
            }
            i++;
        }
        return true;
    }

    private static boolean unicodeValid(String s, int from, int to, char esc) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != esc) {
                continue;
            }
            if (i + 1 < to && s.charAt(i + 1) == esc) {
                i++;
            } else if (hex(s, i + 1, 4, to)) {
                i += 4;
            } else if (i + 1 < to && s.charAt(i + 1) == '+' && hex(s, i + 2, 6, to)) {
                i += 7;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The escape character a {@code UESCAPE 'c'} after the closing quote names, else {@code \}. */
    private static char uescape(String s, int close) {
        if (close < 0) {
            return '\\';
        }
        int i = close + 1;
        while (i < s.length() && SqlTokenizer.isSpace(s.charAt(i))) {
            i++;
        }
        if (!s.regionMatches(true, i, "uescape", 0, 7)) {
            return '\\';
        }
        i += 7;
        while (i < s.length() && SqlTokenizer.isSpace(s.charAt(i))) {
            i++;
        }
        return i + 2 < s.length() && s.charAt(i) == '\'' && s.charAt(i + 2) == '\'' ? s.charAt(i + 1) : '\\';
    }

    private static boolean hex(String s, int from, int count, int to) {
        if (from + count > to) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean only(String s, int from, int to, String allowed) {
        for (int i = from; i < to; i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@link #prefixesBeforeQuotes}: an {@code E'} or {@code U&'} (PostgreSQL's readings apply). */
    static final int POSTGRES = 1;
    /** {@link #prefixesBeforeQuotes}: a {@code q'} or {@code nq'} (Oracle's reading applies). */
    static final int ORACLE = 2;

    /**
     * Which dialect prefixes stand directly before a quote, after a non-word character (or at the
     * start): {@link #POSTGRES} for {@code E'} and {@code U&'}, {@link #ORACLE} for {@code q'} and
     * {@code nq'}, any case. A reading that knows the prefix may differ from one that does not. One
     * pass over the quotes, a few character tests each (a query of 200,000 quotes costs about
     * 0.2 ms, where a case-insensitive region match per prefix and quote cost 5).
     *
     * <p>Example: {@code SELECT E'a\'b'} gives {@code POSTGRES}; {@code SELECT 'e'} gives 0.
     */
    static int prefixesBeforeQuotes(String sql) {
        int found = 0;
        for (int i = sql.indexOf('\''); i > 0 && found != (POSTGRES | ORACLE); i = sql.indexOf('\'', i + 1)) {
            char c = lower(sql, i - 1);
            if (c == 'e' && wordStart(sql, i - 1)
                    || c == '&' && i >= 2 && lower(sql, i - 2) == 'u' && wordStart(sql, i - 2)) {
                found |= POSTGRES;
            } else if (c == 'q' && (wordStart(sql, i - 1) || i >= 2 && lower(sql, i - 2) == 'n' && wordStart(sql, i - 2))) {
                found |= ORACLE;
            }
        }
        return found;
    }

    /** True when the word character at {@code i} starts a word (nothing or a non-word character before it). */
    private static boolean wordStart(String s, int i) {
        if (i == 0) {
            return true;
        }
        char b = s.charAt(i - 1);
        return !Character.isLetterOrDigit(b) && b != '_';
    }

    private static boolean at(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static char lower(String s, int i) {
        return i < s.length() ? Character.toLowerCase(s.charAt(i)) : '\0';
    }
}
