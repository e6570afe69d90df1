package dev.pincer.correlator.context;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much of the correlator's analysis one request is using: its checks queued or running now,
 * and the analysis time its checks have used so far. The correlator asks {@link #tryEnter} before
 * it queues a check and calls {@link #exit} when the analysis ends; past either bound the check is
 * not analysed but decided as an analysis limit. Thread-safe (event loops enter, analysis threads
 * exit).
 *
 * <p>Example: with {@code maxChecks = 8}, a request whose app fires nine sink calls at once gets
 * the ninth decided at once ({@link Refusal#CHECKS}), while eight are analysed.
 */
public final class AnalysisShare {
    /** Why a check was not let in. */
    public enum Refusal {
        /** The request already has its maximum of checks queued or running. */
        CHECKS,
        /** The request already used its total analysis time. */
        TIME
    }

    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    /** Lets one check in, or says why not (and then changes nothing). */
    public Refusal tryEnter(int maxChecks, long maxNanos) {
        if (nanos.get() >= maxNanos) {
            return Refusal.TIME;
        }
        if (active.incrementAndGet() > maxChecks) {
            active.decrementAndGet();
            return Refusal.CHECKS;
        }
        return null;
    }

    /** A check let in by {@link #tryEnter} is done; {@code usedNanos} is its analysis time. */
    public void exit(long usedNanos) {
        nanos.addAndGet(Math.max(0, usedNanos));
        active.decrementAndGet();
    }

    /** Checks queued or running now. */
    public int active() {
        return active.get();
    }

    /** Analysis time used so far, in nanoseconds. */
    public long usedNanos() {
        return nanos.get();
    }
}
