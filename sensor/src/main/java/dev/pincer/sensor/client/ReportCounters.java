package dev.pincer.sensor.client;

import java.util.concurrent.atomic.AtomicLong;

/** The counts a REPORT carries: fail-open and fail-closed decisions, and CHECKs that timed out. */
public final class ReportCounters {
    final AtomicLong failOpen = new AtomicLong();
    final AtomicLong failClosed = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    // Totals since start, for logs and tests; never reset.
    private final AtomicLong totalFailOpen = new AtomicLong();
    private final AtomicLong totalFailClosed = new AtomicLong();
    private final AtomicLong totalTimeouts = new AtomicLong();

    public void failOpen() {
        failOpen.incrementAndGet();
        totalFailOpen.incrementAndGet();
    }

    public void failClosed() {
        failClosed.incrementAndGet();
        totalFailClosed.incrementAndGet();
    }

    public void timeout() {
        timeouts.incrementAndGet();
        totalTimeouts.incrementAndGet();
    }

    public long totalFailOpen() {
        return totalFailOpen.get();
    }

    public long totalFailClosed() {
        return totalFailClosed.get();
    }

    public long totalTimeouts() {
        return totalTimeouts.get();
    }

    boolean pending() {
        return failOpen.get() != 0 || failClosed.get() != 0 || timeouts.get() != 0;
    }
}
