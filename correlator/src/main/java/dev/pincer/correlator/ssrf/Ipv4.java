package dev.pincer.correlator.ssrf;

/**
 * IPv4 literals in every notation {@code inet_aton} (and so most HTTP clients and browsers)
 * accepts: one to four dot-separated parts, each decimal, octal (leading {@code 0}) or hex
 * ({@code 0x}), the last part filling the remaining bytes.
 *
 * <p>Example: {@code 127.0.0.1}, {@code 2130706433}, {@code 0x7f000001}, {@code 0x7f.1},
 * {@code 017700000001} and {@code 127.1} all parse to {@code 0x7f000001}.
 */
final class Ipv4 {
    /** Longer parts are not numbers any client accepts; the bound also keeps arithmetic in a long. */
    private static final int MAX_PART = 34;

    private Ipv4() {
    }

    /** The address as an unsigned 32-bit value, or -1 when {@code s} is not an IPv4 literal. */
    static long parse(String s) {
        if (s.isEmpty() || s.length() > 4 * MAX_PART + 3 || s.endsWith(".") || s.startsWith(".")) {
            return -1;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long p = part(parts[i]);
            boolean last = i == parts.length - 1;
            long max = last ? (1L << (8 * (4 - i))) - 1 : 255;
            if (p < 0 || p > max) {
                return -1;
            }
            value = last ? (value << (8 * (4 - i))) | p : (value << 8) | p;
        }
        return value;
    }

    private static long part(String p) {
        if (p.isEmpty() || p.length() > MAX_PART) {
            return -1;
        }
        int radix = 10;
        int from = 0;
        if (p.length() > 1 && p.charAt(0) == '0' && (p.charAt(1) | 0x20) == 'x') {
            radix = 16;
            from = 2;
        } else if (p.length() > 1 && p.charAt(0) == '0') {
            radix = 8;
            from = 1;
        }
        long v = 0;
        for (int i = from; i < p.length(); i++) {
            int d = Character.digit(p.charAt(i), radix);
            if (d < 0 || p.charAt(i) > 0x7f) {
                return -1;
            }
            v = v * radix + d;
            if (v > 0xffffffffL) {
                return -1;
            }
        }
        return radix == 16 && from == p.length() ? 0 : v;
    }

    static String format(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }
}
