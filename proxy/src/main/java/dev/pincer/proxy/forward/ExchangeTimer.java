package dev.pincer.proxy.forward;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer of an exchange, armed once the request was written upstream: no response head
 * within {@code response_timeout}, or a response that stalls as long, is an upstream timeout; a
 * response paused because the client does not read is none, unless the client stays stalled longer
 * than {@code client_idle_timeout}. Runs on the exchange's event loop; re-arms itself for the time
 * left instead of rescheduling on every byte.
 *
 * <p>Example: response_timeout 5s, the upstream sends the head after 2s and nothing more: the
 * timer fires at 5s, finds 3s idle, re-arms for 2s, then reports {@link Owner#upstreamTimedOut}.
 */
final class ExchangeTimer {
    /** What the timer asks and tells its exchange. */
    interface Owner {
        /** False once the exchange ended: the timer does nothing more. */
        boolean active();

        /** True when the response is under way and the client cannot take more right now. */
        boolean waitingOnClient();

        /** The client did not read for longer than client_idle_timeout: abort. */
        void clientStalled();

        /** The upstream was idle for response_timeout: 504, or a cut response. */
        void upstreamTimedOut();
    }

    private final EventExecutor executor;
    private final Owner owner;
    private final long timeout;
    private final long clientIdle;
    private ScheduledFuture<?> future;
    private long lastUpstreamActivity;
    private long lastClientProgress;

    ExchangeTimer(EventExecutor executor, Owner owner, long responseTimeoutNanos, long clientIdleNanos) {
        this.executor = executor;
        this.owner = owner;
        this.timeout = responseTimeoutNanos;
        this.clientIdle = clientIdleNanos;
    }

    /** Starts the response timeout, unless it runs already. */
    void arm() {
        if (future == null) {
            lastUpstreamActivity = System.nanoTime();
            future = executor.schedule(this::fired, timeout, TimeUnit.NANOSECONDS);
        }
    }

    /** The upstream sent something. */
    void upstreamActive(long now) {
        lastUpstreamActivity = now;
    }

    /** Response bytes went to the client (or it can take more). */
    void clientProgress(long now) {
        lastClientProgress = now;
    }

    long lastUpstreamActivity() {
        return lastUpstreamActivity;
    }

    void cancel() {
        if (future != null) {
            future.cancel(false);
            future = null;
        }
    }

    private void fired() {
        future = null;
        if (!owner.active()) {
            return;
        }
        long now = System.nanoTime();
        if (owner.waitingOnClient()) {
            // The client is not reading, so the upstream is paused on purpose: that is no upstream
            // timeout. A client stalled longer than client_idle_timeout loses its connection.
            long stalled = now - lastClientProgress;
            if (stalled < clientIdle) {
                lastUpstreamActivity = now;
                future = executor.schedule(this::fired, Math.min(timeout, clientIdle - stalled), TimeUnit.NANOSECONDS);
                return;
            }
            owner.clientStalled();
            return;
        }
        long idle = now - lastUpstreamActivity;
        if (idle < timeout) {
            future = executor.schedule(this::fired, timeout - idle, TimeUnit.NANOSECONDS);
            return;
        }
        owner.upstreamTimedOut();
    }
}
