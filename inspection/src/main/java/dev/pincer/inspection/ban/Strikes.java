package dev.pincer.inspection.ban;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.pincer.inspection.shared.TimeSource;
import java.time.Duration;

/**
 * Blocked requests per client within a window that starts at the client's first strike (a fixed
 * window per client): bounded, each entry gone when its window ends. Per-client locking only.
 *
 * <p>Example: window 1m; strikes at 0s, 10s, 59s count 1, 2, 3; one at 61s counts 1 again.
 */
final class Strikes {
    private final Cache<String, Count> counts;
    private final TimeSource time;

    Strikes(long max, TimeSource time) {
        this.time = time;
        this.counts = Caffeine.newBuilder().maximumSize(max).ticker(time::nanoTime)
                .expireAfter(new Expiry<String, Count>() {
                    @Override
                    public long expireAfterCreate(String k, Count c, long now) {
                        return c.window;
                    }

                    @Override
                    public long expireAfterUpdate(String k, Count c, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String k, Count c, long now, long current) {
                        return current;
                    }
                }).build();
    }

    /** Counts one strike; returns the strikes within the current window, this one included. */
    int add(String ip, Duration within) {
        long now = time.nanoTime();
        long window = within.toNanos();
        return counts.get(ip, k -> new Count(now, window)).add(now, window);
    }

    void clear(String ip) {
        counts.invalidate(ip);
    }

    void clear() {
        counts.invalidateAll();
    }

    void cleanUp() {
        counts.cleanUp();
    }

    long size() {
        return counts.estimatedSize();
    }

    private static final class Count {
        private final long window;
        private long start;
        private int n;

        Count(long start, long window) {
            this.start = start;
            this.window = window;
        }

        synchronized int add(long now, long window) {
            if (now - start >= window) {
                start = now;
                n = 0;
            }
            return ++n;
        }
    }
}
