package dev.pincer.inspection.ban;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one text form of an address that bans are keyed by: {@link InetAddress#getHostAddress()}
 * (so {@code 2001:db8::1} and {@code 2001:DB8:0::1} are the same client, and an IPv4-mapped
 * address is its IPv4 address). Only literals are read, never a host name (no DNS lookup).
 *
 * <p>Example: {@code normalize("::ffff:192.0.2.1")} is {@code "192.0.2.1"}; {@code normalize("example")} is null.
 */
public final class IpText {
    private static final int MAX = 45;

    private IpText() {
    }

    public static String of(InetAddress a) {
        return a.getHostAddress();
    }

    /** The normal form of an address literal, or null when {@code text} is not one. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX) {
            return null;
        }
        boolean colon = false;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (c == '.') {
                dots++;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        if (!colon && (dots != 3 || !v4(text))) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getHostAddress(); // a checked literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean v4(String text) {
        for (String part : text.split("\\.", -1)) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
