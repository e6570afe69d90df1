package dev.pincer.signatures.detect;

/**
 * Second opinion on fingerprints of two or three tokens, where the grammar's shape is also the
 * shape of ordinary text: {@code 1 or 2} and {@code 1 or 2+3} both fold to {@code 1&1}, and only
 * the second one, which had more tokens before folding, is SQL-like. Longer fingerprints are
 * specific enough on their own.
 *
 * <p>Example: {@code isInjection("1&1", ..., 3, "1 or 2")} is false;
 * {@code isInjection("1&1", ..., 5, "1 or 2+3")} is true; {@code sos} is an injection only when
 * the value closes the context's quote and opens a new string it leaves open, as in
 * {@code x' + 'y}.
 */
final class SqlShortShapes {
    private SqlShortShapes() {
    }

    /**
     * @param fp the fingerprint, found in the grammar's set
     * @param t the folded tokens
     * @param rawTokens how many tokens the lexer read before folding
     * @param value the value
     */
    static boolean isInjection(String fp, SqlToken[] t, int rawTokens, String value) {
        if (fp.length() > 1 && fp.charAt(fp.length() - 1) == 'c' && value.contains("sp_password")) {
            return true; // SQL Server hides statements with this word from its logs
        }
        if (fp.length() == 1) {
            return fp.equals("X"); // one word ("shutdown") is no statement; evil comments are
        }
        if (fp.length() == 2) {
            return twoTokens(fp, t, rawTokens, value);
        }
        if (fp.length() == 3) {
            return threeTokens(fp, t, rawTokens);
        }
        return true;
    }

    private static boolean twoTokens(String fp, SqlToken[] t, int rawTokens, String value) {
        if (fp.charAt(1) == 'U') {
            return rawTokens > 2; // "x union" alone says nothing
        }
        if (fp.charAt(1) != 'c') {
            // Without a comment, two tokens are a statement only as UNION SELECT, ;SHUTDOWN or
            // WAITFOR '...'; "x'+" or "\"><b>" (s o) is punctuation.
            return fp.equals("UE") || fp.equals(";T") || fp.equals("Ts");
        }
        if (t[0].type == 's' && t[0].strOpen != SqlToken.NO_QUOTE) {
            return false; // "'a' --" as is: a whole string is no break-out
        }
        String comment = t[1].value;
        if (comment.startsWith("#")) {
            return false; // "item #5"
        }
        if (t[0].type == 'n' && t[1].type == 'c' && !comment.startsWith("/")) {
            return false; // "foo -- bar"
        }
        if (t[0].type == '1' && t[1].type == 'c') {
            if (comment.startsWith("/") || rawTokens > 2) {
                return true;
            }
            int at = value.indexOf(t[0].value);
            int after = at < 0 ? -1 : at + t[0].value.length();
            if (after < 0 || after >= value.length()) {
                return false;
            }
            char c = value.charAt(after);
            return c <= ' ' || value.startsWith("/*", after) || value.startsWith("--", after);
        }
        return !(comment.length() > 2 && comment.charAt(0) == '-');
    }

    private static boolean threeTokens(String fp, SqlToken[] t, int rawTokens) {
        if (t[0].type == 's' && t[0].strOpen != SqlToken.NO_QUOTE) {
            return false; // "\"best\" and 12" as is: a whole string first is no break-out
        }
        switch (fp) {
            case "sos", "s&s" -> {
                return t[0].strOpen == SqlToken.NO_QUOTE && t[2].strClose == SqlToken.NO_QUOTE
                        && t[0].strClose == t[2].strOpen;
            }
            case "s&n", "n&1", "1&1", "1&v", "1&s" -> {
                return rawTokens > 3;
            }
            case "f()" -> {
                return false; // substr() alone: a word and two parentheses
            }
            default -> {
                if (t[1].type == 'k') {
                    String k = t[1].value;
                    return k.length() >= 5 && k.regionMatches(true, 0, "INTO", 0, 4);
                }
                return true;
            }
        }
    }
}
