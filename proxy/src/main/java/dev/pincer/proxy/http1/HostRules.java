package dev.pincer.proxy.http1;

import io.netty.util.NetUtil;

/**
 * {@code uri-host [ ":" port ]} (RFC 9110 §7.2, RFC 3986 §3.2.2-3.2.3), used for the Host field,
 * the authority of absolute-form targets and CONNECT's authority-form.
 * <ul>
 *   <li>host: a non-empty reg-name (unreserved, sub-delims, well-formed pct-encoded; an IPv4
 *       address is one) or an {@code [IPv6]} literal. IPvFuture and zone ids are refused, and so
 *       is a pct-encoded control byte ({@code %00}-{@code %1F}, {@code %7F}): no name holds one,
 *       and a backend that decodes the host could cut it at a NUL.</li>
 *   <li>port: 1..5 DIGIT, at most 65535. An empty port ({@code host:}) is refused.</li>
 * </ul>
 * Example: {@code example.com:8080} and {@code [::1]} pass, {@code a b}, {@code a@b}, {@code :80}
 * and {@code a:65536} do not.
 */
public final class HostRules {

    private HostRules() {
    }

    /** A Host field's value ({@code host[:port]}), for heads that did not come through the HTTP/1 decoder. */
    public static boolean isValidHost(CharSequence value) {
        return isValid(value, 0, value.length(), false);
    }

    static boolean isValid(CharSequence s, int start, int end, boolean portRequired) {
        if (start >= end) {
            return false;
        }
        int hostEnd;
        if (s.charAt(start) == '[') {
            hostEnd = indexOf(s, ']', start, end);
            if (hostEnd < 0 || !isIpv6Literal(s.subSequence(start + 1, hostEnd))) {
                return false;
            }
            hostEnd++;
        } else {
            hostEnd = indexOf(s, ':', start, end);
            hostEnd = hostEnd < 0 ? end : hostEnd;
            if (!isRegName(s, start, hostEnd)) {
                return false;
            }
        }
        if (hostEnd == end) {
            return !portRequired;
        }
        return s.charAt(hostEnd) == ':' && isPort(s, hostEnd + 1, end);
    }

    private static boolean isIpv6Literal(CharSequence inner) {
        return inner.length() > 0 && indexOf(inner, '%', 0, inner.length()) < 0
                && NetUtil.isValidIpV6Address(inner);
    }

    private static boolean isRegName(CharSequence s, int start, int end) {
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= end || HttpChars.hexValue(s.charAt(i + 1)) < 0 || HttpChars.hexValue(s.charAt(i + 2)) < 0) {
                    return false;
                }
                int octet = HttpChars.hexValue(s.charAt(i + 1)) * 16 + HttpChars.hexValue(s.charAt(i + 2));
                if (octet < 0x20 || octet == 0x7F) {
                    return false;
                }
                i += 2;
            } else if (!HttpChars.isRegNameChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPort(CharSequence s, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 5) {
            return false;
        }
        int port = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!HttpChars.isDigit(c)) {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static int indexOf(CharSequence s, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
