package dev.pincer.correlator.server;

import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.protocol.ErrorCode;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.prometheus.client.Counter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sensor connections of one server: how many are open (for {@code max_sensors}), how many
 * completed the handshake ({@code pincer_sensors_connected}), the channels themselves (to say
 * {@code shutting_down} to each on stop), and the per-connection counters, resolved once.
 */
final class Sensors {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger authenticated = new AtomicInteger();
    private final ChannelGroup channels = new DefaultChannelGroup("sensors", GlobalEventExecutor.INSTANCE);
    private final CorrelatorMetrics metrics;
    private final Counter.Child[] errors = new Counter.Child[ErrorCode.values().length];

    Sensors(CorrelatorMetrics metrics) {
        this.metrics = metrics;
        for (ErrorCode c : ErrorCode.values()) {
            errors[c.ordinal()] = metrics.protocolErrors.labels(c.label());
        }
    }

    /** Counts a new connection in, unless {@code max} are open already. */
    boolean tryOpen(Channel ch, int max) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            return false;
        }
        channels.add(ch);
        return true;
    }

    void closed() {
        open.decrementAndGet();
    }

    void authenticated() {
        authenticated.incrementAndGet();
        metrics.sensorsConnected.inc();
    }

    void deauthenticated() {
        authenticated.decrementAndGet();
        metrics.sensorsConnected.dec();
    }

    /** Sensors that completed the handshake and are still connected. */
    int connected() {
        return authenticated.get();
    }

    ChannelGroup channels() {
        return channels;
    }

    void error(ErrorCode code) {
        errors[code.ordinal()].inc();
    }

    void report(long failOpen, long failClosed, long timeouts) {
        metrics.failOpen.inc(failOpen);
        metrics.failClosed.inc(failClosed);
        metrics.timeouts.inc(timeouts);
    }
}
