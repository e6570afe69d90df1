package dev.pincer.config;

import java.util.regex.Pattern;

/**
 * Checks host names and IP literals as written in a config. No DNS lookup ever happens here.
 * Examples: {@code api.example.com}, {@code localhost}, {@code 10.0.0.1} and {@code ::1} are
 * accepted; {@code 999.1.1.1}, {@code -a.com}, {@code a..b} are not.
 */
final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");

    private HostNames() {
    }

    /** A DNS name (RFC 1123 labels, at most 253 characters) or a dotted-quad IPv4 literal. */
    static boolean isNameOrIpv4(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (DOTTED_NUMBERS.matcher(host).matches()) {
            return isIpv4(host);
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv4(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && isLiteral(host);
    }

    /** An IPv6 literal without brackets: {@code ::1}, {@code fe80::1}, {@code ::ffff:10.0.0.1}. */
    static boolean isIpv6(String host) {
        return host.indexOf(':') >= 0 && isLiteral(host);
    }

    private static boolean isLiteral(String host) {
        if (host.indexOf('/') >= 0) {
            return false;
        }
        try {
            CidrRange.parse(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
