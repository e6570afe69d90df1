package dev.pincer.correlator.ssrf;

/**
 * Which address ranges are internal: loopback, unspecified, private (RFC 1918), carrier-grade NAT,
 * link-local, cloud metadata ({@code 169.254.169.254}, Azure's {@code 168.63.129.16},
 * {@code fd00:ec2::254}; Alibaba's {@code 100.100.100.200} is in CGNAT), reserved; for IPv6 also unique-local, site-local, and the IPv4
 * address inside IPv4-mapped, -compatible, NAT64 and 6to4 forms. Pure functions of the address.
 *
 * <p>Example: {@code v4(0x7f000001)} is {@code "loopback address 127.0.0.1"};
 * {@code connected("::ffff:10.0.0.1")} is {@code "private address 10.0.0.1"};
 * {@code connected("93.184.215.14")} is null.
 */
final class Ranges {
    private Ranges() {
    }

    /**
     * Why the address a socket actually connected to is internal, or null when it is public.
     * {@code ip} is as {@code InetAddress.getHostAddress()} prints it (a dotted quad, or IPv6 with
     * an optional zone). An address that is neither is reported as unreadable: it cannot be judged,
     * so it is never passed as public.
     */
    static String connected(String ip) {
        long v4 = Ipv4.dottedQuad(ip);
        if (v4 >= 0) {
            return v4(v4);
        }
        byte[] v6 = ip.indexOf(':') >= 0 ? Ipv6.parse(ip) : null;
        if (v6 != null) {
            return v6(v6);
        }
        return "unreadable connected address " + ip;
    }

    static String v4(long a) {
        long b0 = a >>> 24;
        long b1 = (a >>> 16) & 255;
        String ip = Ipv4.format(a);
        if (a == 0xa9fea9feL || a == 0xa83f8110L) {
            return "cloud metadata address " + ip;
        }
        if (b0 == 127) {
            return "loopback address " + ip;
        }
        if (b0 == 0) {
            return "unspecified address " + ip;
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return "private address " + ip;
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return "carrier-grade NAT address " + ip;
        }
        if (b0 == 169 && b1 == 254) {
            return "link-local address " + ip;
        }
        if ((b0 == 192 && b1 == 0 && ((a >>> 8) & 255) == 0) || (b0 == 198 && (b1 == 18 || b1 == 19))
                || a == 0xffffffffL) {
            return "reserved address " + ip;
        }
        return null;
    }

    static String v6(byte[] a) {
        int first = a[0] & 255;
        if (isZero(a, 0, 14) && (a[15] == 0 || a[15] == 1)) {
            return a[15] == 1 ? "loopback IPv6 address ::1" : "unspecified IPv6 address ::";
        }
        if ((first & 0xfe) == 0xfc) {
            return "unique-local IPv6 address" + (isEc2Metadata(a) ? " (cloud metadata)" : "");
        }
        if (first == 0xfe && (a[1] & 0xc0) == 0x80) {
            return "link-local IPv6 address";
        }
        if (first == 0xfe && (a[1] & 0xc0) == 0xc0) {
            return "site-local IPv6 address";
        }
        boolean mapped = isZero(a, 0, 9) && (a[10] & 255) == 0xff && (a[11] & 255) == 0xff;
        boolean compat = isZero(a, 0, 11);
        boolean nat64 = (a[0] & 255) == 0 && (a[1] & 255) == 0x64 && (a[2] & 255) == 0xff && (a[3] & 255) == 0x9b
                && isZero(a, 4, 11);
        if (mapped || compat || nat64) {
            return v4(toV4(a, 12));
        }
        if (first == 0x20 && (a[1] & 255) == 0x02) {
            return v4(toV4(a, 2));
        }
        return null;
    }

    private static boolean isEc2Metadata(byte[] a) {
        return (a[0] & 255) == 0xfd && a[1] == 0 && (a[2] & 255) == 0x0e && (a[3] & 255) == 0xc2
                && isZero(a, 4, 13) && (a[15] & 255) == 0x54 && (a[14] & 255) == 0x02;
    }

    private static long toV4(byte[] a, int from) {
        return ((a[from] & 255L) << 24) | ((a[from + 1] & 255L) << 16) | ((a[from + 2] & 255L) << 8) | (a[from + 3] & 255L);
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
