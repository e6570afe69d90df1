package dev.pincer.correlator.redirect;

import dev.pincer.correlator.analyzer.internal.HostText;
import java.util.Locale;
import java.util.Set;

/**
 * Where a browser goes for a {@code Location} value, following the WHATWG URL parser's leniencies:
 * leading and trailing C0 controls and spaces are dropped, tabs and line breaks anywhere are
 * removed, {@code \} counts as {@code /}, any number of slashes may follow {@code http:} /
 * {@code https:} (even none: {@code https:evil.com}), a value starting with two slashes is
 * scheme-relative, and the host is what follows the last {@code @} of the authority. Any other
 * scheme ({@code ftp:}, {@code javascript:}, {@code mailto:}...) is a target too: the browser leaves
 * the site for another handler; its host is read when an authority follows ({@code ftp://host/}).
 * Positions are kept in the original text so they can be compared with where an input occurs.
 *
 * <p>Example: {@code " /\t/evil.com/x"} is scheme-relative with host {@code evil.com} at original
 * positions [4, 12); {@code ftp://evil.example/} has scheme {@code ftp} at [0, 4) and host
 * {@code evil.example}.
 *
 * @param scheme    lower-case scheme, or {@code ""} for a scheme-relative location
 * @param host      normalised host ({@link HostText}), or {@code ""} when there is none
 * @param start     original index where the scheme (or the host, when there is no scheme) starts
 * @param schemeEnd original index after the scheme's {@code :} ({@code start} when there is none)
 * @param hostStart original index of the host's first character ({@code schemeEnd} when none)
 * @param hostEnd   original index after the host ({@code schemeEnd} when none)
 */
record BrowserLocation(String scheme, String host, int start, int schemeEnd, int hostStart, int hostEnd) {
    private static final Set<String> SCRIPT_SCHEMES = Set.of("javascript", "data", "vbscript");
    private static final Set<String> WEB = Set.of("http", "https");

    /** The location's target, or null for a relative location (or an http(s) one without a host). */
    static BrowserLocation parse(String raw) {
        int[] map = new int[raw.length()];
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (c <= ' ' && b.isEmpty())) {
                continue;
            }
            map[b.length()] = i;
            b.append(c);
        }
        while (!b.isEmpty() && b.charAt(b.length() - 1) <= ' ') {
            b.setLength(b.length() - 1);
        }
        String n = b.toString();
        int colon = schemeColon(n);
        String scheme = colon > 0 ? n.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        int auth;
        if (colon > 0) {
            boolean authority = WEB.contains(scheme) || n.length() > colon + 2 && isSlash(n.charAt(colon + 1))
                    && isSlash(n.charAt(colon + 2)) && !SCRIPT_SCHEMES.contains(scheme);
            if (!authority) {
                return new BrowserLocation(scheme, "", map[0], map[colon] + 1, map[colon] + 1, map[colon] + 1);
            }
            auth = skipSlashes(n, colon + 1);
        } else if (n.length() >= 2 && isSlash(n.charAt(0)) && isSlash(n.charAt(1))) {
            auth = skipSlashes(n, 0);
        } else {
            return null;
        }
        int end = auth;
        while (end < n.length() && "/\\?#".indexOf(n.charAt(end)) < 0) {
            end++;
        }
        int at = n.lastIndexOf('@', end - 1);
        int hs = at >= auth ? at + 1 : auth;
        int he = hs;
        if (he < end && n.charAt(he) == '[') {
            int close = n.indexOf(']', he);
            he = close >= 0 && close < end ? close + 1 : end;
        } else {
            while (he < end && n.charAt(he) != ':') {
                he++;
            }
        }
        int schemeEnd = colon > 0 ? map[colon] + 1 : map[0];
        if (he == hs) {
            return colon > 0 && !WEB.contains(scheme)
                    ? new BrowserLocation(scheme, "", map[0], schemeEnd, schemeEnd, schemeEnd) : null;
        }
        String host = HostText.normalize(n.substring(hs, he));
        return new BrowserLocation(scheme, host, map[0], schemeEnd, map[hs], map[he - 1] + 1);
    }

    /** True for a scheme other than http and https: the browser leaves the site whatever the host. */
    boolean foreign() {
        return !scheme.isEmpty() && !WEB.contains(scheme);
    }

    private static int schemeColon(String n) {
        if (n.isEmpty() || !isAsciiLetter(n.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < n.length() && i < 32; i++) {
            char c = n.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static int skipSlashes(String n, int i) {
        while (i < n.length() && isSlash(n.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
}
