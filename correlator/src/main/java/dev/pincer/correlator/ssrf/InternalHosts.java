package dev.pincer.correlator.ssrf;

import dev.pincer.correlator.analyzer.internal.HostText;
import java.util.Set;

/**
 * Whether a URL host names this machine, a private network or a cloud metadata service, judged
 * from its text alone (no DNS): IPv4 in any notation ({@link Ipv4}), IPv6 including IPv4-mapped,
 * -compatible, NAT64 and 6to4 forms, and a short list of names that are internal by definition
 * ({@code localhost}, {@code *.localhost}, {@code metadata.google.internal}, ...) or by public
 * wildcard DNS that echoes an embedded address ({@code 127.0.0.1.nip.io}, {@code localtest.me}).
 * Any other name is not judged: it may resolve anywhere, and resolving is not ours to do.
 *
 * <p>Example: {@code classify("0x7f.1")} is {@code "loopback address 127.0.0.1"};
 * {@code classify("[::ffff:a9fe:a9fe]")} is {@code "cloud metadata address 169.254.169.254"};
 * {@code classify("example.com")} is null.
 */
final class InternalHosts {
    private static final Set<String> NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost",
            "ip6-loopback", "metadata.google.internal", "metadata.goog", "metadata", "instance-data",
            "instance-data.ec2.internal", "localtest.me");
    private static final String[] NAME_SUFFIXES = {".localhost", ".localtest.me"};
    private static final String[] ECHO_DNS = {".nip.io", ".sslip.io", ".xip.io"};

    private InternalHosts() {
    }

    /** Why {@code host} is internal, or null when its text does not say. */
    static String classify(String rawHost) {
        String h = HostText.normalize(rawHost);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty()) {
            return null;
        }
        if (NAMES.contains(h)) {
            return "internal host name " + h;
        }
        for (String suffix : NAME_SUFFIXES) {
            if (h.endsWith(suffix)) {
                return "internal host name " + h;
            }
        }
        for (String suffix : ECHO_DNS) {
            if (h.endsWith(suffix)) {
                return echoed(h.substring(0, h.length() - suffix.length()));
            }
        }
        long v4 = Ipv4.parse(h);
        if (v4 >= 0) {
            return v4(v4);
        }
        byte[] v6 = Ipv6.parse(h);
        return v6 == null ? null : v6(v6);
    }

    /** {@code a.b.127.0.0.1} or {@code 127-0-0-1}: the address a wildcard DNS service echoes. */
    private static String echoed(String labels) {
        String[] parts = labels.split("\\.");
        int n = parts.length;
        if (n >= 4) {
            long v = Ipv4.parse(parts[n - 4] + "." + parts[n - 3] + "." + parts[n - 2] + "." + parts[n - 1]);
            if (v >= 0) {
                return v4(v);
            }
        }
        String[] dashed = parts[n - 1].split("-");
        int m = dashed.length;
        if (m >= 4) {
            long v = Ipv4.parse(dashed[m - 4] + "." + dashed[m - 3] + "." + dashed[m - 2] + "." + dashed[m - 1]);
            if (v >= 0) {
                return v4(v);
            }
        }
        return null;
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
