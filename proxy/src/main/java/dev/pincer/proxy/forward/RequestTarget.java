package dev.pincer.proxy.forward;

import java.util.Locale;

/**
 * The parts of a request target that routing needs (RFC 9112 §3.2): the authority to match routes
 * on and the origin-form to send upstream. Absolute-form targets take precedence over the Host
 * field (RFC 9112 §3.2.2). Route matching uses the path with dot-segments removed
 * (RFC 3986 §5.2.4, {@code %2e} counted as a dot), so {@code /public/../admin} is routed as
 * {@code /admin}, the way the upstream will read it.
 */
final class RequestTarget {
    private RequestTarget() {
    }

    /** The target in origin-form: {@code http://h/p?q} becomes {@code /p?q}; other forms unchanged. */
    static String originForm(String uri) {
        int schemeEnd = schemeEnd(uri);
        if (schemeEnd < 0) {
            return uri;
        }
        int pathStart = uri.indexOf('/', schemeEnd);
        int queryStart = uri.indexOf('?', schemeEnd);
        if (pathStart < 0 || (queryStart >= 0 && queryStart < pathStart)) {
            return queryStart < 0 ? "/" : "/" + uri.substring(queryStart);
        }
        return uri.substring(pathStart);
    }

    /** The authority of an absolute-form target, or {@code null} for other forms. */
    static String authority(String uri) {
        int schemeEnd = schemeEnd(uri);
        if (schemeEnd < 0) {
            return null;
        }
        int end = schemeEnd;
        while (end < uri.length() && "/?".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        return uri.substring(schemeEnd, end);
    }

    /** Lower-case host without port or trailing dot; {@code ""} when absent. */
    static String hostOnly(String authority) {
        if (authority == null || authority.isEmpty()) {
            return "";
        }
        String a = authority;
        int at = a.lastIndexOf('@');
        if (at >= 0) {
            a = a.substring(at + 1);
        }
        String host;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            host = close > 0 ? a.substring(0, close + 1) : a;
        } else {
            int colon = a.indexOf(':');
            host = colon >= 0 ? a.substring(0, colon) : a;
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** The path of an origin-form target, query dropped, dot-segments removed. */
    static String routingPath(String originForm) {
        int q = originForm.indexOf('?');
        String path = q >= 0 ? originForm.substring(0, q) : originForm;
        if (path.isEmpty() || path.charAt(0) != '/') {
            return "/";
        }
        if (path.indexOf('.') < 0 && path.indexOf('%') < 0) {
            return path;
        }
        String[] segments = path.substring(1).split("/", -1);
        String[] out = new String[segments.length];
        int n = 0;
        for (String s : segments) {
            String dots = s.replace("%2e", ".").replace("%2E", ".");
            if (dots.equals(".")) {
                continue;
            }
            if (dots.equals("..")) {
                if (n > 0) {
                    n--;
                }
                continue;
            }
            out[n++] = s;
        }
        StringBuilder sb = new StringBuilder(path.length());
        for (int i = 0; i < n; i++) {
            sb.append('/').append(out[i]);
        }
        String last = segments[segments.length - 1];
        String lastDots = last.replace("%2e", ".").replace("%2E", ".");
        if (sb.length() == 0 || lastDots.equals(".") || lastDots.equals("..")) {
            sb.append('/');
        }
        return sb.toString();
    }

    private static int schemeEnd(String uri) {
        if (uri.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        if (uri.regionMatches(true, 0, "https://", 0, 8)) {
            return 8;
        }
        return -1;
    }
}
