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
 * @param incomplete what the proxy does with a request that inspection could not represent whole
 *                   (a limit cut it); {@link Incomplete#REJECT} by default
 */
public record RouteConfig(String host, String pathPrefix, String upstream, Incomplete incomplete) {
    public RouteConfig {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(incomplete, "incomplete");
        host = host == null ? null : host.toLowerCase(Locale.ROOT);
    }

    /** A route with the default policy for incomplete requests, {@link Incomplete#REJECT}. */
    public RouteConfig(String host, String pathPrefix, String upstream) {
        this(host, pathPrefix, upstream, Incomplete.REJECT);
    }

    /**
     * The policy for a request that inspection could not fully represent (more inputs, a longer
     * value or a longer body than the limits keep, a coding it does not decode). Applies only when
     * a correlator is configured; without one nothing is inspected. Trade-offs: docs/correlation.md.
     */
    public enum Incomplete {
        /**
         * Answer it locally and never forward it: 413 when the body was too long, 400 otherwise.
         * The default: a request Pincer cannot fully judge is never passed as if it had been judged.
         */
        REJECT,
        /**
         * Forward it, marked: the correlator judges its sinks against the inputs kept and, for the
         * rest, by the sink argument alone.
         */
        SUSPECT
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
