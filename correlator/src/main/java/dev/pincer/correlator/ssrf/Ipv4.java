package dev.pincer.correlator.ssrf;

import java.util.Arrays;

/**
 * IPv4 literals under every reading a client in the chain may apply. All readings take one to
 * four dot-separated parts, the last part filling the remaining bytes ({@code 127.1},
 * {@code 2130706433}); they differ in what a part's prefix means:
 * <ul>
 *   <li>{@link Reading#INET_ATON}: {@code 0x} is hex, a leading {@code 0} octal (libc
 *       {@code inet_aton}, curl, the WHATWG URL parser, so browsers and most HTTP clients):
 *       {@code 010.0.0.1} is 8.0.0.1, {@code 0177.0.0.1} is 127.0.0.1;</li>
 *   <li>{@link Reading#DECIMAL}: a leading {@code 0} is only a zero, no hex (Java's own parser,
 *       which reads {@code 0127.0.0.1} as 127.0.0.1, Go before 1.17, many hand-written checks);</li>
 *   <li>{@link Reading#HEX_DECIMAL}: {@code 0x} is hex, a leading {@code 0} a zero (parsers that
 *       learned hex but not octal).</li>
 * </ul>
 * A literal is internal when any reading that accepts it is: {@link #readings} gives them all.
 *
 * <p>Example: {@code readings("010.0.0.1")} is {@code [0x08000001, 0x0a000001]};
 * {@code readings("0192.168.1.1")} is {@code [0xc0a80101]} (no octal 9, so only the decimal
 * readings accept it); {@code parse("0x7f.1")} is {@code 0x7f000001}.
 */
final class Ipv4 {
    /** Longer parts are not numbers any client accepts; the bound also keeps arithmetic in a long. */
    private static final int MAX_PART = 34;

    /** What a part's {@code 0x} or leading {@code 0} means. */
    enum Reading {
        INET_ATON(true, true), DECIMAL(false, false), HEX_DECIMAL(true, false);

        final boolean hex;
        final boolean octal;

        Reading(boolean hex, boolean octal) {
            this.hex = hex;
            this.octal = octal;
        }
    }

    private static final Reading[] READINGS = Reading.values();

    private Ipv4() {
    }

    /** The address under the {@code inet_aton} reading, or -1 when that reading refuses {@code s}. */
    static long parse(String s) {
        return parse(s, Reading.INET_ATON);
    }

    /**
     * The distinct addresses {@code s} denotes under the readings that accept it, in the order
     * {@code inet_aton}, decimal, hex-decimal; empty when no reading takes it for an IPv4 literal.
     */
    static long[] readings(String s) {
        long[] found = new long[READINGS.length];
        int n = 0;
        for (Reading r : READINGS) {
            long v = parse(s, r);
            if (v < 0) {
                continue;
            }
            boolean seen = false;
            for (int i = 0; i < n; i++) {
                seen |= found[i] == v;
            }
            if (!seen) {
                found[n++] = v;
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** The address as an unsigned 32-bit value under {@code r}, or -1 when {@code s} is not an IPv4 literal. */
    static long parse(String s, Reading r) {
        if (s.isEmpty() || s.length() > 4 * MAX_PART + 3 || s.endsWith(".") || s.startsWith(".")) {
            return -1;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long p = part(parts[i], r);
            boolean last = i == parts.length - 1;
            long max = last ? (1L << (8 * (4 - i))) - 1 : 255;
            if (p < 0 || p > max) {
                return -1;
            }
            value = last ? (value << (8 * (4 - i))) | p : (value << 8) | p;
        }
        return value;
    }

    /**
     * A strict dotted quad as {@code InetAddress.getHostAddress()} prints it (four decimal parts,
     * 0 to 255, no leading zeros), or -1.
     */
    static long dottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return -1;
            }
            int n = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            if (n > 255) {
                return -1;
            }
            v = v << 8 | n;
        }
        return v;
    }

    private static long part(String p, Reading r) {
        if (p.isEmpty() || p.length() > MAX_PART) {
            return -1;
        }
        int radix = 10;
        int from = 0;
        if (p.length() > 1 && p.charAt(0) == '0' && (p.charAt(1) | 0x20) == 'x') {
            if (!r.hex) {
                return -1;
            }
            radix = 16;
            from = 2;
        } else if (p.length() > 1 && p.charAt(0) == '0' && r.octal) {
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
