package dev.pincer.proxy.upstream;

import dev.pincer.config.HealthConfig;
import dev.pincer.config.HostPort;
import dev.pincer.config.UpstreamConfig;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.prometheus.client.Histogram;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers of one configured upstream, balanced round-robin with passive health: servers that
 * were ejected ({@link PassiveHealth}) go to the end of the order, so they are tried only if every
 * healthy one failed too. The last usable server of a group is never ejected: with one server, or
 * with all others out, it stays in rotation (nginx does the same). Each state change is logged
 * once, e.g. {@code upstream app server 10.0.0.2:8080 down: 3 failed connects within 10s, out for 10s}.
 */
public final class UpstreamGroup {
    private static final Logger log = LoggerFactory.getLogger(UpstreamGroup.class);

    private final UpstreamConfig config;
    private final ServerPool[] servers;
    private final AtomicInteger next = new AtomicInteger();
    private final Histogram.Child upstreamDuration;
    private final ProxyMetrics metrics;

    public UpstreamGroup(UpstreamConfig config, EventLoopGroup group, Class<? extends Channel> channelClass,
                         ProxyMetrics metrics) {
        this.config = config;
        this.upstreamDuration = metrics.upstreamDuration.labels(config.name());
        this.metrics = metrics;
        this.servers = new ServerPool[config.servers().size()];
        int i = 0;
        for (HostPort hp : config.servers()) {
            servers[i++] = new ServerPool(config, hp, group, channelClass, metrics, this);
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

    /** A connect to {@code s} failed: counts it, ejects {@code s} if that leaves another server usable. */
    void connectFailed(ServerPool s, Throwable cause) {
        long now = System.nanoTime();
        PassiveHealth.Change change;
        synchronized (this) { // two servers failing at once must not both see the other one usable
            change = s.health().failure(now, anotherAvailable(s, now));
        }
        HealthConfig h = config.health();
        if (change == PassiveHealth.Change.DOWN) {
            metrics.upstreamHealthChanges.labels(name(), s.name(), "down").inc();
            log.warn("upstream {} server {} down: {} failed connects within {}, out of rotation for {} (last: {})",
                    name(), s.name(), h.failures(), h.window(), h.ejectTime(), cause.toString());
        } else if (change == PassiveHealth.Change.KEPT_AS_LAST) {
            metrics.upstreamHealthChanges.labels(name(), s.name(), "kept_as_last").inc();
            log.warn("upstream {} server {} failing ({} failed connects within {}) but kept in rotation: "
                    + "it is the last usable server (last: {})", name(), s.name(), h.failures(), h.window(),
                    cause.toString());
        }
    }

    /** A connect to {@code s} succeeded. */
    void connectSucceeded(ServerPool s) {
        if (s.health().success() == PassiveHealth.Change.UP) {
            metrics.upstreamHealthChanges.labels(name(), s.name(), "up").inc();
            log.info("upstream {} server {} up: connected again, back in rotation", name(), s.name());
        }
    }

    private boolean anotherAvailable(ServerPool self, long now) {
        for (ServerPool s : servers) {
            if (s != self && s.available(now)) {
                return true;
            }
        }
        return false;
    }

    /** Closes idle connections and stops pooling; in-flight exchanges finish on their own. */
    public void close() {
        for (ServerPool s : servers) {
            s.close();
        }
    }
}
