package dev.pincer.correlator.ssrf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the scheme and host of an outbound URL are, as positions in the URL text, under the two
 * readings clients actually use: RFC 3986 / {@code java.net.URL} (authority after {@code //}, up to
 * {@code / ? #}, so {@code \} and {@code @} before the first {@code /} belong to it) and WHATWG
 * (any run of {@code /} and {@code \} after a special scheme, authority ending at {@code \} too).
 * When they disagree both are kept, and a host either reading reaches counts. Leading blanks and a
 * {@code url:} prefix (which {@code java.net.URL} skips) are skipped.
 *
 * <p>Example: {@code http://good.example\@127.0.0.1/} gives host {@code 127.0.0.1} (RFC reading)
 * and {@code good.example} (WHATWG reading).
 *
 * @param scheme    lower-case scheme
 * @param schemeEnd index of the {@code :} after the scheme
 * @param hostStart first index of the host (after any userinfo)
 * @param hostEnd   index after the host (before any port)
 */
record UrlParts(String scheme, int schemeEnd, int hostStart, int hostEnd) {
    private static final Set<String> SPECIAL = Set.of("http", "https", "ws", "wss", "ftp", "file");

    String host(String url) {
        return url.substring(hostStart, hostEnd);
    }

    /** Zero (no scheme), one or two readings of {@code url}. */
    static List<UrlParts> parse(String url) {
        List<UrlParts> out = new ArrayList<>(2);
        int i = 0;
        while (i < url.length() && url.charAt(i) <= ' ') {
            i++;
        }
        if (url.regionMatches(true, i, "url:", 0, 4)) {
            i += 4;
        }
        int colon = schemeEnd(url, i);
        if (colon < 0) {
            return out;
        }
        String scheme = url.substring(i, colon).toLowerCase(Locale.ROOT);
        if (url.startsWith("//", colon + 1)) {
            add(out, url, scheme, colon, colon + 3, "/?#");
        } else {
            out.add(new UrlParts(scheme, colon, colon + 1, colon + 1));
        }
        int j = colon + 1;
        while (j < url.length() && (url.charAt(j) == '/' || url.charAt(j) == '\\')) {
            j++;
        }
        if (SPECIAL.contains(scheme) && j > colon + 1) {
            add(out, url, scheme, colon, j, "/?#\\");
        }
        return out;
    }

    private static void add(List<UrlParts> out, String url, String scheme, int colon, int auth, String stops) {
        int end = auth;
        while (end < url.length() && stops.indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        int hostStart = at >= auth ? at + 1 : auth;
        int hostEnd = hostEnd(url, hostStart, end);
        UrlParts p = new UrlParts(scheme, colon, hostStart, hostEnd);
        if (!out.contains(p)) {
            out.add(p);
        }
    }

    private static int hostEnd(String url, int start, int end) {
        if (start < end && url.charAt(start) == '[') {
            int close = url.indexOf(']', start);
            return close >= 0 && close < end ? close + 1 : end;
        }
        int port = url.indexOf(':', start);
        return port >= 0 && port < end ? port : end;
    }

    /** The index of the {@code :} ending a scheme that starts at {@code i}, or -1. */
    private static int schemeEnd(String url, int i) {
        if (i >= url.length() || !Character.isLetter(url.charAt(i)) || url.charAt(i) > 0x7f) {
            return -1;
        }
        int j = i + 1;
        while (j < url.length() && j - i < 32) {
            char c = url.charAt(j);
            if (c == ':') {
                return j;
            }
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '+' && c != '-' && c != '.') {
                return -1;
            }
            j++;
        }
        return -1;
    }
}
