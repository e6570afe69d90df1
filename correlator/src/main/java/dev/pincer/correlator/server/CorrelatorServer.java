package dev.pincer.correlator.server;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.HostPort;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.ContextStore;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.sink.SinkKind;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sensor protocol listener: binds {@code correlator.listen} on its own event-loop group (one
 * or two threads, never shared with the proxy's, so a saturated proxy still answers sensors and a
 * sensor flood cannot starve clients). The loops only decode, route and write: CHECKs are analysed
 * on the {@link Analysis} executor ({@code analysis_threads}, bounded queue), so a slow check holds
 * up no other connection's or request's verdict.
 */
public final class CorrelatorServer implements AutoCloseable {
    /**
     * Enough for hundreds of thousands of checks per second; more would compete with the proxy's
     * loops. {@code -Dpincer.correlator.threads=N} overrides it (for measurements).
     */
    private static final int MAX_THREADS = 2;
    /**
     * Receive buffer of a sensor connection. CHECKs arrive as many small segments, and the kernel
     * charges each its whole buffer (several times its bytes) against this limit. With the default
     * (128 KiB, grown only gradually by autotuning), a pause of a few milliseconds without a read
     * (JIT at start-up, a GC, a busy core) at 10k CHECKs/s made the kernel drop segments in load
     * tests, and the CHECKs behind them waited for a TCP retransmission. 1 MiB (2 MiB after the
     * kernel's doubling, if {@code net.core.rmem_max} allows) rides out tens of milliseconds at that
     * rate; it costs memory only while it is full.
     */
    static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    private final EventLoopGroup group;
    private final Channel channel;
    private final Sensors sensors;
    private final Judge judge;
    private final Analysis analysis;
    private final AtomicReference<SensorSettings> settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CorrelatorServer(EventLoopGroup group, Channel channel, Sensors sensors, Judge judge, Analysis analysis,
                             AtomicReference<SensorSettings> settings) {
        this.group = group;
        this.channel = channel;
        this.sensors = sensors;
        this.judge = judge;
        this.analysis = analysis;
        this.settings = settings;
    }

    /** Binds and starts accepting sensors; on failure nothing stays open. */
    public static CorrelatorServer start(CorrelatorConfig cfg, ProtectionConfig protection,
                                         Map<SinkKind, List<SinkAnalyzer>> analyzers, ContextStore contexts,
                                         CorrelatorMetrics metrics) {
        CorrelatorServer server = start(SensorSettings.of(cfg, protection.mode()), cfg.listen(), analyzers, contexts,
                metrics, Analysis.start(cfg.analysis(), metrics));
        server.judge.reconfigure(protection.mode(), protection.onAnalysisLimit(), analyzers);
        return server;
    }

    static CorrelatorServer start(SensorSettings settings, HostPort listen, Map<SinkKind, List<SinkAnalyzer>> analyzers,
                                  ContextStore contexts, CorrelatorMetrics metrics, Analysis analysis) {
        Objects.requireNonNull(listen, "listen");
        Sensors sensors = new Sensors(metrics);
        Judge judge = new Judge(contexts, metrics, settings.mode(), analyzers);
        Transport t = Transport.best();
        int threads = Integer.getInteger("pincer.correlator.threads",
                Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        EventLoopGroup group = t.newGroup(threads, "pincer-correlator");
        AtomicReference<SensorSettings> current = new AtomicReference<>(settings);
        ChannelFuture bound = new ServerBootstrap().group(group).channel(t.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
                .childHandler(new SensorInitializer(current::get, sensors, judge, analysis))
                .bind(listen.host(), listen.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            analysis.close();
            throw new IllegalStateException("correlator.listen: cannot bind " + listen + ": " + bound.cause(),
                    bound.cause());
        }
        return new CorrelatorServer(group, bound.channel(), sensors, judge, analysis, current);
    }

    /**
     * Applies what a reload may change: mode, analyzers (the redirect allowlist lives in them),
     * limits for connections accepted from now on, the per-request analysis share. The listen
     * address, the token and the analysis threads and queue need a restart.
     */
    public void reconfigure(CorrelatorConfig cfg, ProtectionConfig protection,
                            Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        SensorSettings old = settings.get();
        SensorSettings next = SensorSettings.of(cfg, protection.mode());
        settings.set(new SensorSettings(old.token(), next.maxSensors(), next.maxFrame(), next.maxInFlight(),
                next.verdictTimeoutMs(), next.mode(), old.handshakeTimeout(), old.idleTimeout()));
        judge.reconfigure(protection.mode(), protection.onAnalysisLimit(), analyzers);
        analysis.reconfigure(cfg.analysis());
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Sensors connected and authenticated. */
    public int connectedSensors() {
        return sensors.connected();
    }

    /**
     * Tells every sensor {@code shutting_down}, closes them and the listener, stops the loops and
     * the analysis threads; idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channel.close().syncUninterruptibly();
        sensors.channels().forEach(ch -> ch.pipeline().fireUserEventTriggered(SensorHandler.SHUTDOWN));
        sensors.channels().newCloseFuture().awaitUninterruptibly(1, TimeUnit.SECONDS);
        sensors.channels().close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        analysis.close();
    }
}
