package dev.pincer.proxy.routing;

import dev.pincer.config.PincerConfig;
import dev.pincer.config.RouteConfig;
import dev.pincer.config.UpstreamConfig;
import dev.pincer.inspection.protection.Protection;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import dev.pincer.proxy.upstream.UpstreamGroup;
import dev.pincer.proxy.metrics.RouteMetrics;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One generation of the routing table: a validated config, the upstream pools built for it, and
 * its compiled edge {@link Protection}. Immutable once built. A reload builds a new generation and
 * swaps it in, routes and protection at once; requests already under way finish on the generation
 * they started with.
 */
public final class Routing {
    private final PincerConfig config;
    private final Map<String, UpstreamGroup> upstreams;
    private final Map<RouteConfig, RouteMetrics> routeMetrics;
    private final RouteMetrics unrouted;
    private final Protection protection;

    private Routing(PincerConfig config, Map<String, UpstreamGroup> upstreams,
                    Map<RouteConfig, RouteMetrics> routeMetrics, RouteMetrics unrouted, Protection protection) {
        this.config = config;
        this.upstreams = upstreams;
        this.routeMetrics = routeMetrics;
        this.unrouted = unrouted;
        this.protection = protection;
    }

    /** @param protection the edge protection compiled from {@code config} */
    public static Routing build(PincerConfig config, EventLoopGroup group, Class<? extends Channel> channelClass,
                                ProxyMetrics metrics, Protection protection) {
        java.util.Objects.requireNonNull(protection, "protection");
        Map<String, UpstreamGroup> groups = new HashMap<>();
        for (UpstreamConfig u : config.upstreams().values()) {
            groups.put(u.name(), new UpstreamGroup(u, group, channelClass, metrics));
        }
        Map<RouteConfig, RouteMetrics> perRoute = new IdentityHashMap<>();
        for (RouteConfig r : config.routes()) {
            perRoute.put(r, new RouteMetrics(metrics, label(r)));
        }
        return new Routing(config, Map.copyOf(groups), perRoute, new RouteMetrics(metrics, "-"), protection);
    }

    /**
     * This generation with another protection, sharing its pools and metrics (close only one of
     * the two). For tests that drive the proxy with participants of their own.
     */
    public Routing withProtection(Protection next) {
        return new Routing(config, upstreams, routeMetrics, unrouted, java.util.Objects.requireNonNull(next, "next"));
    }

    /** The edge protection of this generation. */
    public Protection protection() {
        return protection;
    }

    /** A route's metric label: {@code host/prefix}, {@code *} for any host. */
    static String label(RouteConfig r) {
        return (r.host() == null ? "*" : r.host()) + r.pathPrefix();
    }

    /** The metrics of a route of this generation, or of requests that matched none ({@code null}). */
    public RouteMetrics metrics(RouteConfig route) {
        return route == null ? unrouted : routeMetrics.get(route);
    }

    public PincerConfig config() {
        return config;
    }

    /** The first matching route, or {@code null}. */
    public RouteConfig route(String host, String path) {
        return config.route(host, path);
    }

    /** The upstream a route names; validation guarantees it exists. */
    public UpstreamGroup upstream(String name) {
        return upstreams.get(name);
    }

    /** Closes the idle connections of this generation's pools. */
    public void close() {
        upstreams.values().forEach(UpstreamGroup::close);
    }
}
