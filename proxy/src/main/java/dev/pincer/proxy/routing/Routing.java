package dev.pincer.proxy.routing;

import dev.pincer.config.PincerConfig;
import dev.pincer.config.RouteConfig;
import dev.pincer.config.UpstreamConfig;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import dev.pincer.proxy.upstream.UpstreamGroup;
import java.util.HashMap;
import java.util.Map;

/**
 * One generation of the routing table: a validated config and the upstream pools built for it.
 * Immutable once built. A reload builds a new generation and swaps it in; requests already under
 * way finish on the generation they started with.
 */
public final class Routing {
    private final PincerConfig config;
    private final Map<String, UpstreamGroup> upstreams;

    private Routing(PincerConfig config, Map<String, UpstreamGroup> upstreams) {
        this.config = config;
        this.upstreams = upstreams;
    }

    public static Routing build(PincerConfig config, EventLoopGroup group, Class<? extends Channel> channelClass,
                                ProxyMetrics metrics) {
        Map<String, UpstreamGroup> groups = new HashMap<>();
        for (UpstreamConfig u : config.upstreams().values()) {
            groups.put(u.name(), new UpstreamGroup(u, group, channelClass, metrics));
        }
        return new Routing(config, Map.copyOf(groups));
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
