package dev.pincer.proxy.upstream;

import dev.pincer.proxy.upstream.PoolExhaustedException.Reason;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests waiting for a connection to one full server: at most {@code queue_size}, each for at
 * most {@code queue_timeout}, first come first served. Past either bound the wait fails with
 * {@link PoolExhaustedException} ({@link Reason#QUEUE_FULL} or {@link Reason#QUEUE_TIMEOUT}),
 * which the exchange answers with 503. Example: with {@code max_connections_per_server: 2},
 * a third concurrent request waits here until one of the two finishes.
 *
 * <p>Thread-safe. A waiter is always completed on its own event loop, where its exchange runs.
 */
final class ConnectionQueue {
    /** One request waiting, on its own loop. */
    static final class Waiter {
        final EventLoop loop;
        final Promise<UpstreamConnection> promise;
        ScheduledFuture<?> timeout;

        Waiter(EventLoop loop, Promise<UpstreamConnection> promise) {
            this.loop = loop;
            this.promise = promise;
        }
    }

    private final String server;
    private final int max;
    private final int capacity;
    private final long timeoutNanos;
    private final ConcurrentLinkedDeque<Waiter> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Gauge.Child depth;
    private final Counter.Child served;
    private final Counter.Child full;
    private final Counter.Child timedOut;

    ConnectionQueue(String server, int maxConnections, int capacity, long timeoutNanos, Gauge.Child depth,
                    Counter queueTotal, String upstream) {
        this.server = server;
        this.max = maxConnections;
        this.capacity = capacity;
        this.timeoutNanos = timeoutNanos;
        this.depth = depth;
        this.served = queueTotal.labels(upstream, server, "served");
        this.full = queueTotal.labels(upstream, server, "full");
        this.timedOut = queueTotal.labels(upstream, server, "timeout");
    }

    /** Queues a waiter, or fails {@code promise} at once when the queue is full. */
    void enqueue(EventLoop loop, Promise<UpstreamConnection> promise) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            full.inc();
            promise.tryFailure(new PoolExhaustedException(server, max, Reason.QUEUE_FULL));
            return;
        }
        depth.inc();
        Waiter w = new Waiter(loop, promise);
        promise.addListener(f -> {
            waiting.decrementAndGet();
            depth.dec();
            if (f.isSuccess()) {
                served.inc();
            }
            if (w.timeout != null) {
                w.timeout.cancel(false);
            }
        });
        w.timeout = loop.schedule(() -> {
            queue.remove(w);
            if (!promise.isDone()) { // every completion of a waiter runs on its loop: no race here
                timedOut.inc(); // counted before the 503 is written
                promise.tryFailure(new PoolExhaustedException(server, max, Reason.QUEUE_TIMEOUT));
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        queue.addLast(w);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Takes the oldest waiter still waiting, or {@code null}. */
    Waiter poll() {
        Waiter w;
        while ((w = queue.pollFirst()) != null) {
            if (!w.promise.isDone()) {
                return w;
            }
        }
        return null;
    }

    /** Takes the oldest waiter on {@code loop} still waiting, or {@code null}. */
    Waiter pollOn(EventLoop loop) {
        for (Iterator<Waiter> it = queue.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.loop == loop && !w.promise.isDone() && queue.remove(w)) {
                return w;
            }
        }
        return null;
    }

    /** Puts back a waiter that was woken but found no connection after all: it keeps its place. */
    void putBack(Waiter w) {
        queue.addFirst(w);
    }
}
