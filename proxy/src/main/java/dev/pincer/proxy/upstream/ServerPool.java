package dev.pincer.proxy.upstream;

import dev.pincer.config.HostPort;
import dev.pincer.config.UpstreamConfig;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.prometheus.client.Gauge;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections to one upstream server: at most {@code max_connections_per_server} open, at
 * most {@code max_idle_per_server} kept idle for reuse, each idle one closed after
 * {@code idle_timeout}. At the limit, requests may wait in a bounded {@link ConnectionQueue}; a
 * connection given back goes straight to a waiter on its loop. Idle connections are kept per event loop and only touched from that loop,
 * so leasing one takes no lock.
 */
public final class ServerPool {
    /** Upstream response heads larger than this are refused (502): generous, but bounded. */
    private static final int MAX_RESPONSE_HEADER_BYTES = 64 * 1024;

    private final String name;
    private final HostPort address;
    private final UpstreamConfig config;
    private final Bootstrap bootstrap;
    private final PassiveHealth health;
    private final ConnectionQueue queue;
    private final UpstreamGroup owner;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final ConcurrentHashMap<EventLoop, ArrayDeque<UpstreamConnection>> idle = new ConcurrentHashMap<>();
    private final Gauge.Child inUseGauge;
    private final Gauge.Child idleGauge;
    private volatile boolean closed;

    ServerPool(UpstreamConfig config, HostPort address, EventLoopGroup group,
               Class<? extends Channel> channelClass, ProxyMetrics metrics, UpstreamGroup owner) {
        this.owner = owner;
        this.config = config;
        this.address = address;
        this.name = address.toString();
        this.health = new PassiveHealth(config.health());
        this.inUseGauge = metrics.poolConnections.labels(config.name(), name, "in_use");
        this.idleGauge = metrics.poolConnections.labels(config.name(), name, "idle");
        this.queue = new ConnectionQueue(name, config.maxConnectionsPerServer(), config.queueSize(),
                config.queueTimeout().toNanos(), metrics.upstreamQueueDepth.labels(config.name(), name),
                metrics.upstreamQueue, config.name());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(channelClass)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        config.connectTimeout().toMillis()));
    }

    public String name() {
        return name;
    }

    PassiveHealth health() {
        return health;
    }

    boolean available(long nowNanos) {
        return health.available(nowNanos);
    }

    /**
     * Leases a connection on {@code loop}: an idle one if there is one, else a new one. Fails at
     * once with {@link PoolExhaustedException} ({@code FULL}) at the connection limit, or while
     * other requests are queued for this server (they come first), or with the connect error.
     */
    public Future<UpstreamConnection> acquire(EventLoop loop) {
        Promise<UpstreamConnection> promise = loop.newPromise();
        if (!queue.isEmpty() || !tryAcquire(loop, promise)) {
            promise.setFailure(new PoolExhaustedException(name, config.maxConnectionsPerServer()));
        }
        return promise;
    }

    /**
     * Like {@link #acquire}, but at the connection limit the request waits in this server's
     * bounded queue ({@code queue_size}, {@code queue_timeout}) for a connection to come free.
     */
    public Future<UpstreamConnection> acquireQueued(EventLoop loop) {
        Promise<UpstreamConnection> promise = loop.newPromise();
        if (!queue.isEmpty() || !tryAcquire(loop, promise)) {
            queue.enqueue(loop, promise);
        }
        return promise;
    }

    /** Leases into {@code promise}; false, with {@code promise} untouched, at the connection limit. */
    private boolean tryAcquire(EventLoop loop, Promise<UpstreamConnection> promise) {
        ArrayDeque<UpstreamConnection> idleHere = idleQueue(loop);
        UpstreamConnection c;
        while ((c = idleHere.pollLast()) != null) {
            idleCount.decrementAndGet();
            idleGauge.dec();
            if (c.channel().isActive()) {
                c.leased(true);
                inUseGauge.inc();
                if (!promise.trySuccess(c)) {
                    c.release(true);
                }
                return true;
            }
        }
        if (open.incrementAndGet() > config.maxConnectionsPerServer()) {
            open.decrementAndGet();
            return false;
        }
        connect(loop, promise);
        return true;
    }

    private void connect(EventLoop loop, Promise<UpstreamConnection> promise) {
        UpstreamHandler handler = new UpstreamHandler();
        ChannelFuture cf = bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                HttpDecoderConfig decoder = new HttpDecoderConfig()
                        .setMaxInitialLineLength(8192)
                        .setMaxHeaderSize(MAX_RESPONSE_HEADER_BYTES)
                        .setMaxChunkSize(64 * 1024);
                ch.pipeline().addLast("http", new HttpClientCodec(decoder, false, false));
                ch.pipeline().addLast("upstream", handler);
            }
        }).connect(address.host(), address.port());
        cf.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                open.decrementAndGet();
                owner.connectFailed(this, f.cause());
                promise.tryFailure(f.cause());
                wakeOne();
                return;
            }
            owner.connectSucceeded(this);
            UpstreamConnection conn = new UpstreamConnection(this, f.channel(), handler);
            f.channel().closeFuture().addListener(x -> onClosed(conn, loop));
            conn.leased(false);
            inUseGauge.inc();
            if (!promise.trySuccess(conn)) {
                conn.release(true);
            }
        });
    }

    /** A connection slot came free: the oldest waiter retries on its own loop. */
    private void wakeOne() {
        ConnectionQueue.Waiter w = queue.poll();
        if (w == null) {
            return;
        }
        w.loop.execute(() -> {
            if (w.promise.isDone()) {
                wakeOne();
            } else if (!tryAcquire(w.loop, w.promise)) {
                queue.putBack(w);
            }
        });
    }

    /** Called by {@link UpstreamConnection#release}. */
    void giveBack(UpstreamConnection conn, boolean reusable) {
        inUseGauge.dec();
        Channel ch = conn.channel();
        if (reusable && !closed && ch.isActive() && !queue.isEmpty()) {
            ConnectionQueue.Waiter w = queue.pollOn(ch.eventLoop());
            if (w == null) {
                ch.close(); // the waiters run on other loops: free the slot for them (onClosed wakes one)
                return;
            }
            conn.leased(true);
            inUseGauge.inc();
            // Handed over on the next loop turn, not inside the releasing exchange's own finish().
            ch.eventLoop().execute(() -> {
                if (!w.promise.trySuccess(conn)) {
                    conn.release(true);
                }
            });
            return;
        }
        if (!reusable || closed || !ch.isActive() || idleCount.get() >= config.maxIdlePerServer()) {
            ch.close();
            return;
        }
        idleQueue(ch.eventLoop()).addLast(conn);
        idleCount.incrementAndGet();
        idleGauge.inc();
        // Reading while idle lets us notice the server closing the connection (or misbehaving).
        ch.read();
        conn.idleClose(ch.eventLoop().schedule(() -> {
            ch.close();
        }, config.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Called by {@link UpstreamConnection#handOver}: no longer in use by an exchange, never pooled again. */
    void handedOver() {
        inUseGauge.dec();
    }

    private void onClosed(UpstreamConnection conn, EventLoop loop) {
        open.decrementAndGet();
        if (idleQueue(loop).remove(conn)) {
            idleCount.decrementAndGet();
            idleGauge.dec();
        }
        wakeOne();
    }

    private ArrayDeque<UpstreamConnection> idleQueue(EventLoop loop) {
        ArrayDeque<UpstreamConnection> q = idle.get(loop); // the common case, without computeIfAbsent's cost
        return q != null ? q : idle.computeIfAbsent(loop, l -> new ArrayDeque<>());
    }

    /** Stops pooling and closes idle connections; leased ones close when given back. */
    void close() {
        closed = true;
        idle.forEach((loop, queue) -> loop.execute(() -> {
            UpstreamConnection c;
            while ((c = queue.pollFirst()) != null) {
                idleCount.decrementAndGet();
                idleGauge.dec();
                c.channel().close();
            }
        }));
    }
}
