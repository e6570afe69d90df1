package dev.pincer.proxy.forward;

import dev.pincer.proxy.guard.SinkGuard;
import dev.pincer.proxy.metrics.ProxyMetrics;
import dev.pincer.proxy.routing.Routing;
import dev.pincer.proxy.spool.BodySpool;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every client connection of one server shares: the current routing generation (swapped on
 * reload), the metrics, the spool for held request bodies (its global cap spans every connection
 * and reload), and the count of exchanges in flight (for graceful shutdown).
 */
public final class FrontendContext {
    private final ProxyMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final BodySpool spool;
    private volatile Routing routing;
    private volatile boolean draining;
    private volatile SinkGuard sinkGuard;

    public FrontendContext(Routing routing, ProxyMetrics metrics) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.spool = new BodySpool(metrics);
    }

    /** Where held request bodies spool past their memory bound. */
    public BodySpool spool() {
        return spool;
    }

    public Routing routing() {
        return routing;
    }

    /** Installs a new generation for new requests and returns the old one. */
    public Routing swap(Routing next) {
        Routing old = routing;
        routing = Objects.requireNonNull(next, "next");
        return old;
    }

    /** The sink correlation of this server, or {@code null} when no correlator is configured. */
    public SinkGuard sinkGuard() {
        return sinkGuard;
    }

    public void sinkGuard(SinkGuard guard) {
        this.sinkGuard = guard;
    }

    public ProxyMetrics metrics() {
        return metrics;
    }

    public int inFlight() {
        return inFlight.get();
    }

    void exchangeStarted() {
        inFlight.incrementAndGet();
    }

    void exchangeEnded() {
        inFlight.decrementAndGet();
    }

    /** From now on responses carry {@code Connection: close} and idle connections are closed. */
    public void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }
}
