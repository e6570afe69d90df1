package dev.pincer.proxy.upstream;

import dev.pincer.config.HealthConfig;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passive health of one server: after {@code failures} failed connects in a row it is ejected for
 * {@code ejectTime}. Once that time has passed the server gets traffic again, and its first
 * success clears the count. Thread-safe; updated from any event loop.
 */
final class PassiveHealth {
    private final int threshold;
    private final long ejectNanos;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile long ejectedUntil;
    /** Set on the first ejection. {@code System.nanoTime()} may be negative, so {@code ejectedUntil == 0} cannot mean "never". */
    private volatile boolean everEjected;

    PassiveHealth(HealthConfig config) {
        threshold = config.failures();
        ejectNanos = config.ejectTime().toNanos();
    }

    boolean available(long nowNanos) {
        return !everEjected || nowNanos - ejectedUntil >= 0;
    }

    void success() {
        failures.set(0);
    }

    /** Returns whether this failure ejected the server. */
    boolean failure(long nowNanos) {
        if (failures.incrementAndGet() < threshold) {
            return false;
        }
        failures.set(0);
        ejectedUntil = nowNanos + ejectNanos;
        everEjected = true;
        return true;
    }
}
