package dev.pincer.proxy.forward;

import dev.pincer.proxy.upstream.PoolExhaustedException;
import dev.pincer.proxy.upstream.ServerPool;
import dev.pincer.proxy.upstream.UpstreamConnection;
import dev.pincer.proxy.upstream.UpstreamGroup;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;

/**
 * The upstream servers one request tries, in the group's round-robin order: the next server on a
 * connect failure, then one bounded wait in the queue of the first server that was full, and up to
 * {@link #MAX_STALE_RETRIES} replays of a body-less request on a pooled connection the server had
 * closed.
 *
 * <p>Example: servers a (down) and b (full): connect a fails, acquire b fails full, then the
 * request waits in b's queue; if that times out too the answer is 503.
 */
final class UpstreamAttempts {
    /** Retries of a body-less request whose reused pooled connection turned out to be closed. */
    static final int MAX_STALE_RETRIES = 2;

    private final ServerPool[] order;
    private ServerPool busyPool;
    private boolean queued;
    private int attempt;
    private int staleRetries;
    private Throwable lastFailure;
    private String server;

    UpstreamAttempts(UpstreamGroup group) {
        this.order = group.order();
    }

    /** The next acquisition, or null when every server was tried (see {@link #exhausted()}). */
    Future<UpstreamConnection> next(EventLoop loop) {
        if (attempt >= order.length && busyPool != null && !queued) {
            queued = true; // every server failed or was full: wait, bounded, for a full one
            server = busyPool.name();
            return busyPool.acquireQueued(loop);
        }
        if (attempt >= order.length) {
            return null;
        }
        ServerPool pool = order[attempt++];
        server = pool.name();
        return pool.acquire(loop);
    }

    /** Records a failed acquisition; true when the pool was full rather than unreachable. */
    boolean failed(Throwable cause) {
        lastFailure = cause;
        boolean full = cause instanceof PoolExhaustedException;
        if (full && busyPool == null && !queued) {
            busyPool = order[attempt - 1];
        }
        return full;
    }

    /** True when the last failure was a full pool (503), not an unreachable server (502). */
    boolean exhausted() {
        return lastFailure instanceof PoolExhaustedException;
    }

    /** Takes one stale-connection replay of the same server, if any is left. */
    boolean retryStale() {
        if (staleRetries >= MAX_STALE_RETRIES) {
            return false;
        }
        staleRetries++;
        attempt--;
        return true;
    }

    /** The server of the current or last attempt, for the access log; null before the first. */
    String server() {
        return server;
    }
}
