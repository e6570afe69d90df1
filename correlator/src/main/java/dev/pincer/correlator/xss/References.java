package dev.pincer.correlator.xss;

/**
 * HTML character references inside attribute values, as far as they matter for script and URL
 * syntax: numeric ({@code &#39;}, {@code &#x27;}, with or without {@code ;}) and the named ones
 * that spell quotes, colons, slashes and white space. A reference that decodes outside the BMP or
 * to an invalid code point decodes to U+FFFD, which is syntax to nothing.
 *
 * <p>Example: {@code end("&#x6a;ava", 0, 9)} is 6 and {@code value} of it is {@code 'j'}.
 */
final class References {
    private static final String[] NAMES = {"quot", "apos", "amp", "lt", "gt", "colon", "sol", "bsol", "lpar",
        "rpar", "semi", "equals", "grave", "Tab", "NewLine", "lbrace", "rbrace", "num", "period", "comma", "plus"};
    private static final String VALUES = "\"'&<>:/\\();=`\t\n{}#.,+";
    private static final int MAX_DIGITS = 8;

    private References() {
    }

    /** The index after the reference starting at {@code amp} (before {@code to}), or -1 when none starts there. */
    static int end(String s, int amp, int to) {
        int i = amp + 1;
        if (i < to && s.charAt(i) == '#') {
            boolean hex = i + 1 < to && (s.charAt(i + 1) | 0x20) == 'x';
            int j = hex ? i + 2 : i + 1;
            int start = j;
            while (j < to && j - start < MAX_DIGITS && digit(s.charAt(j), hex) >= 0) {
                j++;
            }
            if (j == start) {
                return -1;
            }
            return j < to && s.charAt(j) == ';' ? j + 1 : j;
        }
        for (String name : NAMES) {
            if (s.startsWith(name, i) && i + name.length() < to && s.charAt(i + name.length()) == ';') {
                return i + name.length() + 1;
            }
        }
        return -1;
    }

    /** The character the reference {@code s[amp, end)} stands for. */
    static char value(String s, int amp, int end) {
        if (s.charAt(amp + 1) == '#') {
            boolean hex = (s.charAt(amp + 2) | 0x20) == 'x';
            long v = 0;
            for (int j = amp + (hex ? 3 : 2); j < end && s.charAt(j) != ';'; j++) {
                v = v * (hex ? 16 : 10) + digit(s.charAt(j), hex);
            }
            return v > 0 && v < 0xd800 || v >= 0xe000 && v <= 0xffff ? (char) v : '\ufffd';
        }
        String name = s.substring(amp + 1, end - 1);
        for (int k = 0; k < NAMES.length; k++) {
            if (NAMES[k].equals(name)) {
                return VALUES.charAt(k);
            }
        }
        return '\ufffd';
    }

    private static int digit(char c, boolean hex) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int l = c | 0x20;
        return hex && l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }
}
