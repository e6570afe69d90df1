package dev.pincer.signatures.operator;

/**
 * The C number parsing that ModSecurity v3's comparison operators use, reproduced exactly:
 * {@code @ge/@gt/@le/@lt} compare {@code atoll} values (64-bit, saturating on overflow as glibc's
 * strtoll does), {@code @eq} compares {@code std::stoi} values (32-bit; no digits or overflow
 * gives 0). Both skip leading C whitespace, take one optional sign, then decimal digits, and ignore
 * whatever follows: {@code "12abc"} is 12, {@code "abc"} is 0, {@code " -7"} is -7, {@code "0x10"}
 * is 0.
 */
final class Numbers {

    private Numbers() {
    }

    /** C's {@code atoll}. Example: {@code atoll("99999999999999999999")} is Long.MAX_VALUE. */
    static long atoll(String s) {
        int i = skipSpace(s);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long value = 0;   // accumulated negatively, so that Long.MIN_VALUE fits
        boolean overflow = false;
        for (; i < s.length() && isDigit(s.charAt(i)); i++) {
            int d = s.charAt(i) - '0';
            if (value < (Long.MIN_VALUE + d) / 10) {
                overflow = true;
            } else {
                value = value * 10 - d;
            }
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? value : (value == Long.MIN_VALUE ? Long.MAX_VALUE : -value);
    }

    /**
     * C++'s {@code std::stoi}, with ModSecurity's "exception means 0". Example:
     * {@code stoi("2147483648")} is 0.
     */
    static int stoi(String s) {
        int i = skipSpace(s);
        int start = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits) {
            return 0;  // std::invalid_argument
        }
        long value = 0;
        boolean negative = s.charAt(start) == '-';
        for (int j = digits; j < i; j++) {
            value = value * 10 + (s.charAt(j) - '0');
            if (value > 1L + Integer.MAX_VALUE) {
                return 0;  // std::out_of_range
            }
        }
        value = negative ? -value : value;
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? 0 : (int) value;
    }

    /** True when {@code s} is an integer as a rule author would write one: {@code -12}, {@code 5}. */
    static boolean isInteger(String s) {
        int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (i >= s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The argument of a comparison operator: a macro, or an integer.
     *
     * @throws IllegalArgumentException for a constant that is no integer
     */
    static Argument checkedArgument(String operator, String text) {
        Argument argument = Argument.of(text.strip());
        if (argument.isConstant() && !isInteger(argument.constant())) {
            throw new IllegalArgumentException("@" + operator + " expects an integer or a macro, got '"
                    + text + "'");
        }
        return argument;
    }

    private static int skipSpace(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
