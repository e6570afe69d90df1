package dev.pincer.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * A connection to one upstream server, leased from its {@link ServerPool}. The holder attaches a
 * listener, uses {@link #channel()}, and gives it back exactly once with {@link #release(boolean)}.
 */
public final class UpstreamConnection {
    private final ServerPool pool;
    private final Channel channel;
    private final UpstreamHandler handler;
    private boolean reused;
    private boolean leased;
    private ScheduledFuture<?> idleClose;

    UpstreamConnection(ServerPool pool, Channel channel, UpstreamHandler handler) {
        this.pool = pool;
        this.channel = channel;
        this.handler = handler;
    }

    public Channel channel() {
        return channel;
    }

    /** The server this connection goes to, as configured ({@code host:port}). */
    public String server() {
        return pool.name();
    }

    /** Whether this lease reuses a connection that served an earlier request (it may have gone stale). */
    public boolean reused() {
        return reused;
    }

    public void attach(UpstreamListener listener) {
        handler.attach(listener);
    }

    /**
     * Ends the lease. {@code reusable} says the last exchange ended cleanly on a keep-alive
     * connection; otherwise the connection is closed.
     */
    public void release(boolean reusable) {
        if (!leased) {
            return;
        }
        leased = false;
        handler.detach();
        pool.giveBack(this, reusable);
    }

    /**
     * Ends the lease without closing or pooling: the connection now carries a tunnel (after
     * {@code 101 Switching Protocols}) and closes when the tunnel does.
     */
    public void handOver() {
        if (!leased) {
            return;
        }
        leased = false;
        handler.detach();
        pool.handedOver();
    }

    void leased(boolean wasReused) {
        leased = true;
        reused = wasReused;
        if (idleClose != null) {
            idleClose.cancel(false);
            idleClose = null;
        }
    }

    void idleClose(ScheduledFuture<?> f) {
        idleClose = f;
    }
}
