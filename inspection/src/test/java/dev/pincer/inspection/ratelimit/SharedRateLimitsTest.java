package dev.pincer.inspection.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.RateLimitConfig.KeyKind;
import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.inspection.shared.LimitMetrics;
import dev.pincer.inspection.shared.RedisLink;
import dev.pincer.inspection.shared.RedisServer;
import dev.pincer.inspection.shared.TimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two instances' stores against one real redis-server share a limit's window; without Redis each goes on alone. */
class SharedRateLimitsTest {
    private static final Limit LIMIT = new Limit("per_ip", KeyKind.IP, null, 100, Duration.ofHours(1), 100);

    @Test
    void theSecondInstanceRefusesOnceTheFirstUsedTheSharedAllowance() throws Exception {
        try (RedisServer redis = RedisServer.start();
             RedisLink la = RedisLink.open(redis.config(Duration.ofMillis(200)), LimitMetrics.unregistered());
             RedisLink lb = RedisLink.open(redis.config(Duration.ofMillis(200)), LimitMetrics.unregistered())) {
            RateStore a = new RateStore(la, LimitMetrics.unregistered(), 1000, TimeSource.SYSTEM);
            RateStore b = new RateStore(lb, LimitMetrics.unregistered(), 1000, TimeSource.SYSTEM);
            awaitUp(la, lb);
            for (int i = 0; i < 100; i++) {
                assertEquals(0, a.acquire("i:203.0.113.7", LIMIT), "request " + i + " on A");
            }
            assertTrue(a.acquire("i:203.0.113.7", LIMIT) > 0, "A's own bucket is empty");
            Thread.sleep(300); // A's counts are sent without waiting; let them land
            assertEquals(0, b.acquire("i:203.0.113.7", LIMIT), "B learns the shared count from its first INCR");
            Thread.sleep(300);
            assertTrue(b.acquire("i:203.0.113.7", LIMIT) > 0, "B refuses with tokens left in its own bucket");
            assertEquals(0, b.acquire("i:203.0.113.8", LIMIT), "another client is not affected");
        }
    }

    @Test
    void withRedisUnreachableEachInstanceDecidesAloneAndCountsTheFallback() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            LimitMetrics metrics = LimitMetrics.unregistered();
            try (RedisLink link = RedisLink.open(redis.config(Duration.ofMillis(50)), metrics)) {
                RateStore store = new RateStore(link, metrics, 1000, TimeSource.SYSTEM);
                awaitUp(link, link);
                redis.stop();
                long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (link.up() && System.nanoTime() < deadline) {
                    store.acquire("i:192.0.2.1", LIMIT);
                    Thread.sleep(10);
                }
                assertFalse(link.up());
                double before = metrics.redisFallbacks();
                long t0 = System.nanoTime();
                for (int i = 0; i < 50; i++) {
                    store.acquire("i:192.0.2.2", LIMIT);
                }
                assertTrue(metrics.redisFallbacks() >= before + 50, "each decision made alone is counted");
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos(), "requests do not wait on Redis");
                for (int i = 50; i < 100; i++) {
                    assertEquals(0, store.acquire("i:192.0.2.2", LIMIT));
                }
                assertTrue(store.acquire("i:192.0.2.2", LIMIT) > 0, "the local bucket still limits");
            }
        }
    }

    private static void awaitUp(RedisLink x, RedisLink y) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!(x.up() && y.up())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("redis link not up");
            }
            Thread.sleep(10);
        }
    }
}
