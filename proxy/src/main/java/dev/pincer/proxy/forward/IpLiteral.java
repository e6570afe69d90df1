package dev.pincer.proxy.forward;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Strict IP literals from forwarding headers: dotted-quad IPv4 without leading zeros (so
 * {@code 010.0.0.1} is never read as octal by one party and decimal by another), IPv6 without a
 * zone, and host:port forms. Never resolves a name. An IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.1}) comes back as the IPv4 address, so identity, lists and logs agree.
 *
 * <p>Example: {@code hostPort("[2001:db8::1]:4711")} is {@code 2001:db8::1}; {@code hostPort("1.2.3.4:80")}
 * is {@code 1.2.3.4}; {@code hostPort("example.com")} is null.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /** {@code 1.2.3.4}, {@code 1.2.3.4:80}, {@code 2001:db8::1}, {@code [2001:db8::1]}, {@code [2001:db8::1]:80}; else null. */
    static InetAddress hostPort(String s) {
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || !(close == s.length() - 1 || s.charAt(close + 1) == ':' && port(s, close + 2))) {
                return null;
            }
            return v6(s.substring(1, close));
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return v4(s);
        }
        if (s.indexOf(':', colon + 1) < 0) {
            return port(s, colon + 1) ? v4(s.substring(0, colon)) : null; // one colon: IPv4 with a port
        }
        return v6(s);
    }

    /** Digits 0..65535 from {@code from} to the end. */
    static boolean port(String s, int from) {
        int n = s.length() - from;
        if (n < 1 || n > 5) {
            return false;
        }
        int v = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 65535;
    }

    /** A dotted quad, each part 0..255 with no leading zero; else null. */
    static InetAddress v4(String s) {
        byte[] b = new byte[4];
        int part = 0;
        int i = 0;
        int n = s.length();
        while (part < 4) {
            int start = i;
            int v = 0;
            while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i++) - '0');
            }
            int digits = i - start;
            if (digits == 0 || v > 255 || digits > 1 && s.charAt(start) == '0') {
                return null;
            }
            b[part++] = (byte) v;
            if (part < 4) {
                if (i >= n || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == n ? address(b) : null;
    }

    /** An IPv6 literal without zone or brackets (an embedded IPv4 part strict as {@link #v4}); mapped IPv4 comes back as IPv4. Else null. */
    static InetAddress v6(String s) {
        if (s.indexOf('%') >= 0 || !NetUtil.isValidIpV6Address(s)) {
            return null;
        }
        if (s.indexOf('.') >= 0 && v4(s.substring(s.lastIndexOf(':') + 1)) == null) {
            return null; // an embedded IPv4 part is held to the same rules (no leading zeros)
        }
        byte[] b = NetUtil.createByteArrayFromIpAddressString(s);
        if (b == null || b.length != 16) {
            return null;
        }
        if (mapped(b)) {
            return address(new byte[] {b[12], b[13], b[14], b[15]});
        }
        return address(b);
    }

    /** {@code a} itself, or the IPv4 address an IPv4-mapped IPv6 address maps. */
    static InetAddress normalised(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && mapped(b) ? address(new byte[] {b[12], b[13], b[14], b[15]}) : a;
    }

    private static boolean mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b); // raw bytes: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong length, which cannot happen here
        }
    }
}
