package dev.pincer.signatures.detect;

/**
 * Decodes the one HTML character reference at an offset, for reading URL schemes the way a
 * browser does: decimal and hex numeric references (semicolon optional, at most 8 digits) and the
 * few named ones that hide a scheme ({@code &colon;}, {@code &Tab;}, {@code &NewLine;}).
 *
 * <p>Example: {@code decode("&#x3a;x", 0, 7)} is {@code (':' << 32) | 6}.
 */
final class XssEntities {
    private XssEntities() {
    }

    /**
     * @param s the value, with {@code s.charAt(at) == '&'}
     * @return {@code (char << 32) | offsetAfter}, or -1 when no reference starts there
     */
    static long decode(String s, int at, int to) {
        int i = at + 1;
        if (i < to && s.charAt(i) == '#') {
            i++;
            boolean hex = i < to && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int digitsFrom = i;
            long v = 0;
            while (i < to && i - digitsFrom < 8) {
                int d = Character.digit(s.charAt(i), hex ? 16 : 10);
                if (d < 0 || s.charAt(i) > 0x7F) {
                    break;
                }
                v = v * (hex ? 16 : 10) + d;
                i++;
            }
            if (i == digitsFrom) {
                return -1;
            }
            if (i < to && s.charAt(i) == ';') {
                i++;
            }
            return ((v > 0xFFFF ? 0xFFFD : v) << 32) | i;
        }
        for (String[] named : new String[][] {{"colon;", ":"}, {"tab;", "\t"}, {"newline;", "\n"}}) {
            if (s.regionMatches(true, i, named[0], 0, named[0].length())) {
                return ((long) named[1].charAt(0) << 32) | (i + named[0].length());
            }
        }
        return -1;
    }
}
