package dev.pincer.inspection.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One key's token bucket, as the generic cell rate algorithm keeps it: one number, the theoretical
 * arrival time ({@code tat}) of the next request, updated by compare-and-set (lock-free). A request
 * at {@code now} passes when taking a token would not push {@code tat} more than {@code burst}
 * intervals ahead of {@code now}.
 *
 * <p>Example: interval 100 ms, burst 2: requests at 0, 0 pass, a third at 0 must wait 100 ms.
 */
final class Bucket {
    private static final long EMPTY = Long.MIN_VALUE;

    final long interval;
    private final long capacity;
    private final AtomicLong tat = new AtomicLong(EMPTY);

    Bucket(long intervalNanos, int burst) {
        this.interval = intervalNanos;
        this.capacity = intervalNanos > Long.MAX_VALUE / 4 / burst ? Long.MAX_VALUE / 4 : intervalNanos * burst;
    }

    /** Takes a token: 0 when it passed, else the nanoseconds until one is there. */
    long take(long now) {
        while (true) {
            long t = tat.get();
            long base = t == EMPTY || t - now < 0 ? now : t;
            long next = base + interval;
            long ahead = next - now;
            if (ahead > capacity) {
                return ahead - capacity;
            }
            if (tat.compareAndSet(t, next)) {
                return 0;
            }
        }
    }

    /** Nanoseconds until this bucket is full again (then it is as good as a new one). */
    long untilFull(long now) {
        long t = tat.get();
        return t == EMPTY || t - now < 0 ? 0 : t - now;
    }
}
