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
 * @param xss        the reflected-XSS check of this route's HTML responses; {@link Xss#DEFAULT} by default
 * @param protection what the route overrides of the global {@code protection} section
 */
public record RouteConfig(String host, String pathPrefix, String upstream, Incomplete incomplete, Xss xss,
                          RouteProtection protection) {
    public RouteConfig {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(incomplete, "incomplete");
        Objects.requireNonNull(xss, "xss");
        Objects.requireNonNull(protection, "protection");
        host = host == null ? null : host.toLowerCase(Locale.ROOT);
    }

    /** A route with no protection overrides. */
    public RouteConfig(String host, String pathPrefix, String upstream, Incomplete incomplete, Xss xss) {
        this(host, pathPrefix, upstream, incomplete, xss, RouteProtection.DEFAULT);
    }

    /** A route with the default XSS check, {@link Xss#DEFAULT}. */
    public RouteConfig(String host, String pathPrefix, String upstream, Incomplete incomplete) {
        this(host, pathPrefix, upstream, incomplete, Xss.DEFAULT);
    }

    /** A route with the default policy for incomplete requests, {@link Incomplete#REJECT}. */
    public RouteConfig(String host, String pathPrefix, String upstream) {
        this(host, pathPrefix, upstream, Incomplete.REJECT);
    }

    /**
     * The reflected-XSS check (keys {@code xss} and {@code xss_prefix_bytes}; docs/correlation.md,
     * "Reflected XSS"): for a request with an input that carries markup, an HTML response is held
     * until its first {@code prefixBytes} are judged. Applies only when a correlator is configured;
     * the mode decides what a finding does (hybrid and edge block, monitor logs).
     *
     * @param enabled     whether the check runs on this route
     * @param prefixBytes how much of an HTML response body is held and judged, at most
     */
    public record Xss(boolean enabled, int prefixBytes) {
        /** A few real pages' worth of markup before the content that echoes input, and bounded memory per held response. */
        public static final int DEFAULT_PREFIX_BYTES = 64 * 1024;
        /** The smallest prefix: a page's head and the start of its body. */
        public static final int MIN_PREFIX_BYTES = 1024;
        /** The largest: a held response is memory per in-flight request. */
        public static final int MAX_PREFIX_BYTES = 8 << 20;
        public static final Xss DEFAULT = new Xss(true, DEFAULT_PREFIX_BYTES);
        public static final Xss OFF = new Xss(false, DEFAULT_PREFIX_BYTES);

        public Xss {
            if (prefixBytes < MIN_PREFIX_BYTES || prefixBytes > MAX_PREFIX_BYTES) {
                throw new IllegalArgumentException("xss_prefix_bytes: " + prefixBytes + " (expected: "
                        + MIN_PREFIX_BYTES + " to " + MAX_PREFIX_BYTES + ")");
            }
        }
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
