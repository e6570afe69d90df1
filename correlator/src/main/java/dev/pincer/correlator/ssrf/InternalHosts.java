package dev.pincer.correlator.ssrf;

import dev.pincer.correlator.analyzer.internal.HostText;
import java.util.Set;

/**
 * Whether a URL host names this machine, a private network or a cloud metadata service, judged
 * from its text alone (no DNS): IPv4 in any notation, internal when any reading of it is
 * ({@link Ipv4}: {@code 010.0.0.1} is 8.0.0.1 to libc and 10.0.0.1 to Java), IPv6 including IPv4-mapped,
 * -compatible, NAT64 and 6to4 forms, and a short list of names that are internal by definition
 * ({@code localhost}, {@code *.localhost}, {@code metadata.google.internal}, ...) or by public
 * wildcard DNS that echoes an embedded address ({@code 127.0.0.1.nip.io}, {@code localtest.me}).
 * Any other name is not judged: it may resolve anywhere, and resolving is not ours to do.
 *
 * <p>Example: {@code classify("0x7f.1")} is {@code "loopback address 127.0.0.1"};
 * {@code classify("[::ffff:a9fe:a9fe]")} is {@code "cloud metadata address 169.254.169.254"};
 * {@code classify("010.0.0.1")} is {@code "private address 10.0.0.1 (one reading of
 * 010.0.0.1)"}; {@code classify("example.com")} is null. {@link Ranges#connected} judges the
 * address a socket really connected to.
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
        long[] v4 = Ipv4.readings(h);
        if (v4.length > 0) {
            return anyV4(h, v4);
        }
        byte[] v6 = Ipv6.parse(h);
        return v6 == null ? null : Ranges.v6(v6);
    }

    /** The first reading of an IPv4 literal that is internal, saying which when the readings differ. */
    private static String anyV4(String literal, long[] readings) {
        for (long a : readings) {
            String why = Ranges.v4(a);
            if (why != null) {
                return readings.length == 1 ? why : why + " (one reading of " + literal + ")";
            }
        }
        return null;
    }

    /** {@code a.b.127.0.0.1} or {@code 127-0-0-1}: the address a wildcard DNS service echoes. */
    private static String echoed(String labels) {
        String[] parts = labels.split("\\.");
        int n = parts.length;
        if (n >= 4) {
            String quad = parts[n - 4] + "." + parts[n - 3] + "." + parts[n - 2] + "." + parts[n - 1];
            long[] v = Ipv4.readings(quad);
            if (v.length > 0) {
                return anyV4(quad, v);
            }
        }
        String[] dashed = parts[n - 1].split("-");
        int m = dashed.length;
        if (m >= 4) {
            String quad = dashed[m - 4] + "." + dashed[m - 3] + "." + dashed[m - 2] + "." + dashed[m - 1];
            long[] v = Ipv4.readings(quad);
            if (v.length > 0) {
                return anyV4(quad, v);
            }
        }
        return null;
    }
}
