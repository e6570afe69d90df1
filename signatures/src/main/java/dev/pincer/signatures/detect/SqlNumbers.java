package dev.pincer.signatures.detect;

/**
 * Scans one SQL numeric literal: decimal with optional fraction and exponent, {@code 0x} hex,
 * {@code 0b} binary, and Oracle's {@code d}/{@code f} suffixes. A lone {@code .} is a dot token;
 * {@code 1.e} (an exponent without digits) is a bareword.
 *
 * <p>Example: in {@code 0x41 union}, the number is {@code 0x41}; in {@code 1fUNION} it is
 * {@code 1f}, so {@code UNION} follows as its own word.
 */
final class SqlNumbers {
    private SqlNumbers() {
    }

    /** @return the offset after the literal, which fills {@code t} */
    static int scan(String s, int pos, SqlToken t) {
        int n = s.length();
        if (s.charAt(pos) == '0' && pos + 1 < n) {
            char x = s.charAt(pos + 1);
            String digits = x == 'x' || x == 'X' ? "0123456789abcdefABCDEF"
                    : x == 'b' || x == 'B' ? "01" : null;
            if (digits != null) {
                int end = span(s, pos + 2, digits);
                t.set(end == pos + 2 ? SqlToken.BAREWORD : SqlToken.NUMBER, s.substring(pos, end));
                return end;
            }
        }
        int i = digits(s, pos);
        if (i < n && s.charAt(i) == '.') {
            i = digits(s, i + 1);
            if (i - pos == 1) {
                t.set(SqlToken.DOT, ".");
                return i;
            }
        }
        boolean exponentWithoutDigits = false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int d = digits(s, i);
            exponentWithoutDigits = d == i;
            i = d;
        }
        if (i < n && "dDfF".indexOf(s.charAt(i)) >= 0) {
            if (i + 1 == n) {
                i++;
            } else {
                char after = s.charAt(i + 1);
                if (SqlLexer.isWhite(after) || after == ';' || after == 'u' || after == 'U') {
                    i++;
                }
            }
        }
        t.set(exponentWithoutDigits ? SqlToken.BAREWORD : SqlToken.NUMBER, s.substring(pos, i));
        return i;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    static int span(String s, int i, String accept) {
        while (i < s.length() && accept.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
