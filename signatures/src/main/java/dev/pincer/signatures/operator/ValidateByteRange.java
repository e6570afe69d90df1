package dev.pincer.signatures.operator;

/**
 * {@code @validateByteRange RANGES}: true when the value holds a byte outside the allowed ranges
 * (so a rule fires on the violation). Ranges are comma-separated single bytes or {@code a-b}
 * intervals, 0-255, blanks around numbers allowed: {@code 1-255}, {@code 9,10,13,32-126}.
 * ModSecurity v3 logs a bad range and goes on; here a bad range fails the load with the reason.
 *
 * <p>Example: {@code @validateByteRange 32-126} matches {@code a\tb} (the tab, 9, is outside).
 */
final class ValidateByteRange implements Operator {

    private final long[] allowed = new long[4];

    ValidateByteRange(String argument) {
        if (argument.isBlank()) {
            throw new IllegalArgumentException("@validateByteRange needs ranges such as 1-255");
        }
        for (String part : argument.split(",", -1)) {
            int dash = part.indexOf('-');
            int start = parseByte(dash < 0 ? part : part.substring(0, dash), part);
            int end = dash < 0 ? start : parseByte(part.substring(dash + 1), part);
            if (start > end) {
                throw new IllegalArgumentException("invalid range: " + start + "-" + end);
            }
            for (int b = start; b <= end; b++) {
                allowed[b >> 6] |= 1L << (b & 63);
            }
        }
    }

    private static int parseByte(String text, String part) {
        String t = text.strip();
        if (!t.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("not a byte value: '" + text + "' in range '" + part + "'");
        }
        int v = Integer.parseInt(t);
        if (v > 255) {
            throw new IllegalArgumentException("byte value out of 0-255: " + v + " in range '" + part + "'");
        }
        return v;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        for (int i = 0; i < value.length(); i++) {
            int b = value.charAt(i) & 0xff;
            if ((allowed[b >> 6] & (1L << (b & 63))) == 0) {
                return true;
            }
        }
        return false;
    }
}
