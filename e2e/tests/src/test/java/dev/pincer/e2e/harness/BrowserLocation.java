package dev.pincer.e2e.harness;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a browser on {@code http://127.0.0.1} goes when it follows a {@code Location}: the WHATWG
 * URL parser's view, reduced to what open redirects exploit. Leading and trailing spaces and
 * controls are stripped and tabs and newlines removed; in http(s) URLs a backslash is a slash; any
 * run of slashes after the scheme starts the authority; {@code user@} is dropped and the host
 * percent-decoded. {@link #offsite} is true when the result is another host, or a scheme other than
 * http(s) (javascript:, data:, ftp:).
 *
 * <p>Example: {@code offsite("/\\evil.example")} is true (it is {@code //evil.example});
 * {@code offsite("/%2f%2fevil.example")} is false (a local path).
 */
public final class BrowserLocation {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");

    private BrowserLocation() {
    }

    public static boolean offsite(String location) {
        if (location == null) {
            return false;
        }
        String s = location.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
        Matcher m = SCHEME.matcher(s);
        if (m.matches()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            String rest = m.group(2).replace('\\', '/');
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return true;
            }
            if (scheme.equals("http") && !rest.startsWith("/")) {
                return false; // "http:path" relative to an http base is a local path
            }
            return !LOCAL_HOSTS.contains(host(rest.replaceFirst("^/*", "")));
        }
        String rest = s.replace('\\', '/');
        if (!rest.startsWith("//")) {
            return false;
        }
        return !LOCAL_HOSTS.contains(host(rest.replaceFirst("^/*", "")));
    }

    private static String host(String authorityAndRest) {
        String authority = authorityAndRest.split("[/?#]", 2)[0];
        int at = authority.lastIndexOf('@');
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        String host = hostPort.startsWith("[") ? hostPort.substring(0, hostPort.indexOf(']') + 1)
                : hostPort.replaceFirst(":\\d*$", "");
        try {
            host = URLDecoder.decode(host.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // keep it as written
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
