package dev.pincer.proxy.server;

import dev.pincer.config.ListenerConfig;
import dev.pincer.config.PincerConfig;
import dev.pincer.proxy.admin.AdminServer;
import dev.pincer.proxy.admin.AdminToken;
import dev.pincer.proxy.forward.FrontendContext;
import dev.pincer.proxy.forward.ProxyFrontendHandler;
import dev.pincer.inspection.protection.EdgeState;
import dev.pincer.inspection.protection.Protection;
import dev.pincer.proxy.guard.SinkGuard;
import dev.pincer.proxy.metrics.ProxyMetrics;
import dev.pincer.proxy.net.Transport;
import dev.pincer.proxy.routing.Routing;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Pincer: the client listeners, the admin listener, the event loops, and the current
 * routing generation. {@link #start} binds everything or nothing; {@link #reload} swaps in a new
 * validated config for new requests; {@link #stop} drains in-flight requests within a bound.
 */
public final class PincerServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PincerServer.class);

    private final Transport transport;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ProxyMetrics metrics;
    private final FrontendContext shared;
    private final ChannelGroup clients = new DefaultChannelGroup("pincer-clients", GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new ArrayList<>();
    private final List<FrontendInitializer> initializers = new ArrayList<>();
    private volatile PincerConfig config;
    private AdminServer admin;
    private SinkGuard sinkGuard;
    /** The edge controls' state across reloads; closed in {@link #stop} after the last request. */
    private final EdgeState edge;
    private volatile boolean ready;
    private boolean stopped;

    private PincerServer(PincerConfig config, ProxyMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.transport = Transport.best();
        this.boss = transport.newGroup(1, "pincer-accept");
        this.workers = transport.newGroup(Runtime.getRuntime().availableProcessors(), "pincer-io");
        this.edge = new EdgeState(config.protection(), metrics.registry());
        this.shared = new FrontendContext(Routing.build(config, workers, transport.socketChannel(), metrics,
                Protection.compile(config, edge)), metrics);
    }

    /** Binds every listener and the admin port; on any failure releases what was bound and throws. */
    public static PincerServer start(PincerConfig config) throws Exception {
        return start(config, new ProxyMetrics(true));
    }

    public static PincerServer start(PincerConfig config, ProxyMetrics metrics) throws Exception {
        Objects.requireNonNull(config, "config");
        PincerServer s = new PincerServer(config, metrics);
        try {
            s.bind();
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
        ConfigWarningLog.log(config);
        return s;
    }

    private void bind() throws Exception {
        if (config.correlator() != null) {
            sinkGuard = SinkGuard.start(config.correlator(), config.protection(), metrics.registry());
            shared.sinkGuard(sinkGuard);
            log.info("correlator listening for sensors on {} (mode {})", sinkGuard.correlator().address(),
                    config.protection().mode().name().toLowerCase(java.util.Locale.ROOT));
        }
        ByteCounter bytes = new ByteCounter(metrics.bytesReceived, metrics.bytesSent);
        for (ListenerConfig l : config.listeners()) {
            SslContext tls = TlsContexts.forListener(l);
            FrontendInitializer init = new FrontendInitializer(l, tls, shared, bytes, clients);
            Channel ch = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.MAX_MESSAGES_PER_READ, 1)
                    .childHandler(init)
                    .bind(l.address().host(), l.address().port()).sync().channel();
            listeners.add(ch);
            initializers.add(init);
            log.info("listening on {} ({}{})", ch.localAddress(), l.isTls() ? "https" : "http",
                    l.isTls() && l.http2() ? ", h2" : "");
        }
        if (config.admin() != null) {
            admin = AdminServer.start(config.admin(), metrics.registry(), () -> ready, edge.bans(),
                    AdminToken.from(config.protection().bans()));
            log.info("admin on {}", admin.address());
        }
        ready = true;
    }

    public ProxyMetrics metrics() {
        return metrics;
    }

    public PincerConfig config() {
        return config;
    }

    /** The bound addresses of the client listeners, in config order (ephemeral ports resolved). */
    public List<InetSocketAddress> listenAddresses() {
        return listeners.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
    }

    /** The admin listener's bound address, or {@code null} without one. */
    public InetSocketAddress adminAddress() {
        return admin == null ? null : admin.address();
    }

    /** Where the correlator listens for sensors (ephemeral port resolved), or {@code null} without one. */
    public InetSocketAddress correlatorAddress() {
        return sinkGuard == null ? null : sinkGuard.correlator().address();
    }

    public boolean ready() {
        return ready;
    }

    /**
     * Applies a validated config to new requests: routes, upstreams, limits (for new connections),
     * trusted proxies, access log, and TLS certificates. Open connections and in-flight requests
     * are untouched. Listener and admin addresses are bound at start; a change to them is logged
     * and takes a restart.
     */
    public synchronized void reload(PincerConfig next) throws Exception {
        Objects.requireNonNull(next, "next");
        List<SslContext> tls = new ArrayList<>();
        for (FrontendInitializer init : initializers) {
            ListenerConfig same = next.listeners().stream()
                    .filter(l -> l.address().equals(init.listener().address()))
                    .findFirst().orElse(null);
            tls.add(same == null ? null : TlsContexts.forListener(same));
        }
        if (!sameAddresses(config, next)) {
            log.warn("listener or admin addresses changed in {}: they apply after a restart", next.source());
        }
        if (!sameCorrelatorBinding(config, next)) {
            log.warn("correlator added, removed, or its listen address or token changed in {}: that applies after"
                    + " a restart", next.source());
        } else if (sinkGuard != null) {
            sinkGuard.reconfigure(next.correlator(), next.protection());
        }
        Routing old = shared.swap(Routing.build(next, workers, transport.socketChannel(), metrics,
                Protection.compile(next, edge)));
        for (int i = 0; i < initializers.size(); i++) {
            if (tls.get(i) != null) {
                initializers.get(i).tls(tls.get(i));
            }
        }
        config = next;
        old.close();
        ConfigWarningLog.log(next);
    }

    /**
     * Runs new requests with {@code protection} instead of the compiled one, until the next reload.
     * A test hook: whole-server tests drive the proxy with participants of their own.
     */
    public synchronized void useProtection(Protection protection) {
        shared.swap(shared.routing().withProtection(protection)); // same pools: the old one is not closed
    }

    private static boolean sameCorrelatorBinding(PincerConfig a, PincerConfig b) {
        if (a.correlator() == null || b.correlator() == null) {
            return a.correlator() == b.correlator();
        }
        return a.correlator().listen().equals(b.correlator().listen())
                && a.correlator().token().equals(b.correlator().token());
    }

    private static boolean sameAddresses(PincerConfig a, PincerConfig b) {
        return Objects.equals(a.admin(), b.admin())
                && a.listeners().stream().map(ListenerConfig::address).toList()
                        .equals(b.listeners().stream().map(ListenerConfig::address).toList());
    }

    /**
     * Graceful stop: unready, stop accepting, close idle connections, let in-flight exchanges
     * finish for up to {@code grace}, then close everything.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        ready = false;
        for (Channel l : listeners) {
            l.close().syncUninterruptibly();
        }
        shared.drain();
        clients.forEach(c -> c.pipeline().fireUserEventTriggered(ProxyFrontendHandler.DRAIN));
        long deadline = System.nanoTime() + grace.toNanos();
        while (shared.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (shared.inFlight() > 0) {
            log.warn("shutdown grace of {} elapsed with {} request(s) in flight; closing them", grace,
                    shared.inFlight());
        }
        clients.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shared.routing().close();
        if (admin != null) {
            admin.close();
        }
        if (sinkGuard != null) {
            sinkGuard.close();
        }
        edge.close();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop(config.shutdownGrace());
    }
}
