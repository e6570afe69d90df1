package dev.pincer.inspection.ipfilter;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Addresses as the lists compare them: IPv4 as 4 bytes, an IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.1}) as the IPv4 address it maps, any other IPv6 address as 16 bytes.
 *
 * <p>Example: {@code normalised(::ffff:192.0.2.1)} is {@code {192, 0, 2, 1}}.
 */
final class Addresses {
    private Addresses() {
    }

    static byte[] normalised(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && mapped(b) ? Arrays.copyOfRange(b, 12, 16) : b;
    }

    static boolean mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    /** The address without a host name, slash or scope: {@code 203.0.113.7} (mapped forms too), {@code 2001:db8:0:0:0:0:0:1}. */
    static String text(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16 && mapped(b)) {
            return (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
        }
        String s = a.getHostAddress();
        if (a instanceof Inet6Address) {
            int pct = s.indexOf('%');
            return pct < 0 ? s : s.substring(0, pct);
        }
        return s;
    }
}
