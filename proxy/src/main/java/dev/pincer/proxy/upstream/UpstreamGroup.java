package dev.pincer.proxy.upstream;

import dev.pincer.config.HostPort;
import dev.pincer.config.UpstreamConfig;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.prometheus.client.Histogram;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The servers of one configured upstream, balanced round-robin with passive health: servers that
 * recently failed to connect go to the end of the order, so they are tried only if every healthy
 * one failed too (a fully ejected group still gets traffic rather than failing outright).
 */
public final class UpstreamGroup {
    private final UpstreamConfig config;
    private final ServerPool[] servers;
    private final AtomicInteger next = new AtomicInteger();
    private final Histogram.Child upstreamDuration;

    public UpstreamGroup(UpstreamConfig config, EventLoopGroup group, Class<? extends Channel> channelClass,
                         ProxyMetrics metrics) {
        this.config = config;
        this.upstreamDuration = metrics.upstreamDuration.labels(config.name());
        this.servers = new ServerPool[config.servers().size()];
        int i = 0;
        for (HostPort hp : config.servers()) {
            servers[i++] = new ServerPool(config, hp, group, channelClass, metrics);
        }
    }

    public UpstreamConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /** Records the time from request head written to response head received. */
    public void observeUpstreamDuration(long nanos) {
        upstreamDuration.observe(nanos / 1e9);
    }

    /** The servers to try for one request, in order: healthy ones round-robin, then ejected ones. */
    public ServerPool[] order() {
        int n = servers.length;
        ServerPool[] out = new ServerPool[n];
        if (n == 1) {
            out[0] = servers[0];
            return out;
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        long now = System.nanoTime();
        int head = 0;
        int tail = n - 1;
        for (int i = 0; i < n; i++) {
            ServerPool s = servers[(start + i) % n];
            if (s.available(now)) {
                out[head++] = s;
            } else {
                out[tail--] = s;
            }
        }
        return out;
    }

    /** Closes idle connections and stops pooling; in-flight exchanges finish on their own. */
    public void close() {
        for (ServerPool s : servers) {
            s.close();
        }
    }
}
