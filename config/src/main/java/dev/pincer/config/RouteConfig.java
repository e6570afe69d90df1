package dev.pincer.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One route. Routes are tried in file order; the first whose host and path prefix both match wins.
 *
 * @param host       {@code null} for any host; otherwise an exact host ({@code api.example.com}) or a
 *                   wildcard for one or more labels ({@code *.example.com}); lower-case, no port
 * @param pathPrefix starts with {@code /}
 * @param upstream   the name of an upstream that exists
 */
public record RouteConfig(String host, String pathPrefix, String upstream) {
    public RouteConfig {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(upstream, "upstream");
        host = host == null ? null : host.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this route takes a request.
     *
     * @param requestHost the request's host, lower-case, without port; may be empty
     * @param path        the request path (no query)
     */
    public boolean matches(String requestHost, String path) {
        if (!path.startsWith(pathPrefix)) {
            return false;
        }
        if (host == null) {
            return true;
        }
        if (host.startsWith("*.")) {
            return requestHost.length() > host.length() - 1 && requestHost.endsWith(host.substring(1));
        }
        return host.equals(requestHost);
    }
}
