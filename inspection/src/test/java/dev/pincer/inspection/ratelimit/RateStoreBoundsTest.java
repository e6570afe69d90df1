package dev.pincer.inspection.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.RateLimitConfig.KeyKind;
import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.inspection.shared.FakeTime;
import dev.pincer.inspection.shared.LimitMetrics;
import dev.pincer.inspection.shared.TimeSource;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store's memory is bounded whatever the number of distinct keys, and idle buckets go. */
class RateStoreBoundsTest {
    private static final Limit LIMIT = new Limit("per_ip", KeyKind.IP, null, 10, Duration.ofSeconds(1), 20);

    /** A million distinct clients (a spoofed-source flood) hold at most maxKeys buckets. */
    @Test
    void aMillionDistinctKeysStayWithinTheBound() {
        CollectorRegistry registry = new CollectorRegistry();
        RateStore store = new RateStore(null, new LimitMetrics(registry), RateStore.DEFAULT_MAX_KEYS, TimeSource.SYSTEM);
        for (int i = 0; i < 1_000_000; i++) {
            assertEquals(0, store.acquire("i:10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), LIMIT));
        }
        store.cleanUp();
        long held = store.trackedKeys();
        assertTrue(held <= RateStore.DEFAULT_MAX_KEYS, held + " buckets held");
        assertTrue(held > 0);
        assertEquals((double) held, registry.getSampleValue("pincer_rate_limit_tracked_keys"));
    }

    @Test
    void theBoundPlusOneEvictsOne() {
        FakeTime time = new FakeTime();
        RateStore store = new RateStore(null, LimitMetrics.unregistered(), 100, time);
        for (int i = 0; i < 101; i++) {
            store.acquire("i:" + i, LIMIT);
        }
        store.cleanUp();
        assertEquals(100, store.trackedKeys());
    }

    /** A bucket is dropped once it has refilled (here at 2s): it would be as good as a new one. */
    @Test
    void aRefilledBucketExpires() {
        FakeTime time = new FakeTime();
        RateStore store = new RateStore(null, LimitMetrics.unregistered(), 100, time);
        for (int i = 0; i < 20; i++) {
            store.acquire("i:192.0.2.1", LIMIT);
        }
        time.advance(Duration.ofMillis(1900));
        store.cleanUp();
        assertEquals(1, store.trackedKeys(), "not yet refilled");
        time.advance(Duration.ofMillis(2100)); // Caffeine's timer wheel fires within about a second of the end
        store.cleanUp();
        assertEquals(0, store.trackedKeys());
    }
}
