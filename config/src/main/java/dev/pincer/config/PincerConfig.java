package dev.pincer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole, validated configuration. Immutable; a reload builds a new one and swaps it in only
 * when it validated.
 *
 * @param source         the file it came from, or {@code null} for a built-in config
 * @param listeners      at least one client-facing listener
 * @param admin          the admin listener (metrics, health), or {@code null} for none
 * @param upstreams      by name, in file order
 * @param routes         in file order; the first match wins
 * @param limits         edge limits
 * @param trustedProxies peers whose {@code X-Forwarded-For} is believed
 * @param accessLog      one JSON line per request through SLF4J logger {@code pincer.access}
 * @param shutdownGrace  how long a shutdown waits for in-flight requests
 * @param correlator     the sensor correlator, or {@code null} when the section is absent
 * @param protection     the edge controls and how their findings combine with the sinks'
 */
public record PincerConfig(
        Path source,
        List<ListenerConfig> listeners,
        HostPort admin,
        Map<String, UpstreamConfig> upstreams,
        List<RouteConfig> routes,
        LimitsConfig limits,
        List<CidrRange> trustedProxies,
        boolean accessLog,
        Duration shutdownGrace,
        CorrelatorConfig correlator,
        ProtectionConfig protection) {

    /** Shutdown grace: enough for ordinary requests to finish, short of orchestrators' 30s kill. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** Access log on: a proxy's first debugging question is "what went through it?". */
    public static final boolean DEFAULT_ACCESS_LOG = true;

    public PincerConfig {
        listeners = List.copyOf(listeners);
        upstreams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(upstreams));
        routes = List.copyOf(routes);
        Objects.requireNonNull(limits, "limits");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(protection, "protection");
    }

    /** The first route matching host and path, or {@code null}. */
    public RouteConfig route(String host, String path) {
        for (RouteConfig r : routes) {
            if (r.matches(host, path)) {
                return r;
            }
        }
        return null;
    }
}
