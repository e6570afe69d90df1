package dev.pincer.correlator.ssrf;

/**
 * IPv6 literals (RFC 4291 text forms): hex groups, one {@code ::}, an optional trailing dotted
 * IPv4 part, an optional zone ({@code %eth0}) which is ignored.
 *
 * <p>Example: {@code ::1}, {@code 0:0:0:0:0:0:0:1} and {@code ::ffff:127.0.0.1} parse;
 * {@code 1::2::3} and {@code example.com} do not.
 */
final class Ipv6 {
    private Ipv6() {
    }

    /** The 16 bytes, or null when {@code s} is not an IPv6 literal. */
    static byte[] parse(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.length() < 2 || s.length() > 64 || s.indexOf(':') < 0) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap >= 0 ? s.substring(0, gap) : s);
        int[] tail = gap >= 0 ? groups(s.substring(gap + 2)) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(out, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(out, 8 - tail.length + i, tail[i]);
        }
        return out;
    }

    /** The 16-bit groups of one side of {@code ::}; a trailing dotted quad counts as two. */
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean quad = parts[parts.length - 1].indexOf('.') >= 0;
        int[] out = new int[parts.length + (quad ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (quad && i == parts.length - 1) {
                long v4 = dottedQuad(p);
                if (v4 < 0) {
                    return null;
                }
                out[i] = (int) (v4 >> 16);
                out[i + 1] = (int) (v4 & 0xffff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0 || p.charAt(k) > 0x7f) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }

    private static long dottedQuad(String p) {
        String[] b = p.split("\\.", -1);
        if (b.length != 4) {
            return -1;
        }
        long v = 0;
        for (String x : b) {
            if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            int n = Integer.parseInt(x);
            if (n > 255) {
                return -1;
            }
            v = v << 8 | n;
        }
        return v;
    }

    private static void put(byte[] out, int group, int v) {
        out[2 * group] = (byte) (v >> 8);
        out[2 * group + 1] = (byte) v;
    }
}
