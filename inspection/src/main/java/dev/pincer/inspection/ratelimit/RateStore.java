package dev.pincer.inspection.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.inspection.shared.LimitMetrics;
import dev.pincer.inspection.shared.RedisLink;
import dev.pincer.inspection.shared.TimeSource;
import java.util.Objects;

/**
 * Every rate-limit bucket of the server, across config generations: at most {@code maxKeys}
 * (Caffeine evicts the least useful past it; an evicted key starts again with a full bucket), each
 * dropped once it has refilled, when it is as good as new. With a {@link RedisLink} the buckets
 * also count in shared windows ({@link SharedWindows}). Lock-free per key, no global lock.
 *
 * <p>Example: {@code new RateStore(null, metrics)}; {@code acquire("i:203.0.113.7", limit)} is 0
 * while the client has tokens, then the nanoseconds until it has one again.
 */
public final class RateStore implements AutoCloseable {
    /** 200k buckets, about 40 MB at most: more distinct clients than one instance sees per minute. */
    public static final int DEFAULT_MAX_KEYS = 200_000;

    private final Cache<String, Bucket> buckets;
    private final SharedWindows shared;
    private final TimeSource time;

    /** @param link the shared Redis link, or null for in-process state only */
    public RateStore(RedisLink link, LimitMetrics metrics) {
        this(link, metrics, DEFAULT_MAX_KEYS, TimeSource.SYSTEM);
    }

    RateStore(RedisLink link, LimitMetrics metrics, int maxKeys, TimeSource time) {
        Objects.requireNonNull(metrics, "metrics");
        this.time = Objects.requireNonNull(time, "time");
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).ticker(time::nanoTime)
                .expireAfter(new Refill(time)).build();
        this.shared = link == null ? null : new SharedWindows(link, maxKeys, time);
        metrics.trackedKeys(this::trackedKeys);
    }

    /**
     * Takes a token for {@code key} under {@code limit}: 0 when the request may pass, else how long
     * (nanoseconds) until it would. Never waits on Redis.
     */
    public long acquire(String key, Limit limit) {
        return acquireKeyed(prefix(limit) + key, limit);
    }

    /** The start of every key of {@code limit}: a reload that changes the limit starts new buckets. */
    static String prefix(Limit limit) {
        return limit.name() + '|' + limit.intervalNanos() + '|' + limit.burst() + '|';
    }

    /** {@link #acquire} with the key already prefixed by {@link #prefix}. */
    long acquireKeyed(String k, Limit limit) {
        Bucket b = buckets.get(k, x -> new Bucket(limit.intervalNanos(), limit.burst()));
        long wait = b.take(time.nanoTime());
        if (wait > 0 || shared == null) {
            return wait;
        }
        return shared.check(k, limit);
    }

    /** The buckets held now (an estimate, as Caffeine keeps it). */
    public long trackedKeys() {
        return buckets.estimatedSize();
    }

    /** Runs pending evictions and expiries now (tests, and the gauge's accuracy). */
    void cleanUp() {
        buckets.cleanUp();
        if (shared != null) {
            shared.cleanUp();
        }
    }

    @Override
    public void close() {
        buckets.invalidateAll();
        buckets.cleanUp();
    }

    /** A bucket lives until it is full again; one interval more covers the take after a read. */
    private record Refill(TimeSource time) implements Expiry<String, Bucket> {
        @Override
        public long expireAfterCreate(String key, Bucket b, long now) {
            return b.interval + b.untilFull(now) + 1;
        }

        @Override
        public long expireAfterUpdate(String key, Bucket b, long now, long current) {
            return current;
        }

        @Override
        public long expireAfterRead(String key, Bucket b, long now, long current) {
            return b.interval + b.untilFull(now) + 1;
        }
    }
}
