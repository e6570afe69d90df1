package dev.pincer.inspection.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.HostPort;
import dev.pincer.config.RedisConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The link's states: never connected, slow (commands time out), back, and a missing password variable. */
class RedisLinkTest {
    @Test
    void aServerThatNeverAnswersMeansFallbackFromTheStart() {
        LimitMetrics m = LimitMetrics.unregistered();
        try (RedisLink link = RedisLink.open(new RedisConfig(new HostPort("127.0.0.1", 1), null, 0,
                Duration.ofMillis(50), "t:"), m)) {
            assertFalse(link.up());
            assertNull(link.increment("k", 1000));
            assertTrue(m.redisFallbacks() >= 1);
        }
    }

    /** Commands that time out (the server paused) mark it down; the background PING finds it back. */
    @Test
    void aPausedServerIsDownUntilItAnswersAgain() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            LimitMetrics m = LimitMetrics.unregistered();
            RedisConfig c = redis.config(Duration.ofMillis(50));
            try (RedisLink link = RedisLink.open(c, m)) {
                await(link::up, Duration.ofSeconds(5));
                RedisClient admin = RedisClient.create("redis://127.0.0.1:" + c.address().port());
                try (StatefulRedisConnection<String, String> conn = admin.connect()) {
                    conn.sync().clientPause(1500);
                    var f = link.increment("k", 1000);
                    assertThrows(Exception.class, () -> f.toCompletableFuture().get());
                    await(() -> !link.up(), Duration.ofSeconds(1));
                    assertTrue(m.redisFallbacks() >= 1);
                    await(link::up, Duration.ofSeconds(5));
                    assertTrue(link.increment("k", 1000).toCompletableFuture().get() >= 1);
                } finally {
                    admin.shutdown();
                }
            }
        }
    }

    @Test
    void anUnsetPasswordVariableIsAnErrorAtStart() {
        RedisConfig c = new RedisConfig(new HostPort("127.0.0.1", 6379), "PINCER_TEST_SURELY_UNSET_VARIABLE", 0,
                Duration.ofMillis(50), "t:");
        assertThrows(IllegalStateException.class, () -> RedisLink.open(c, LimitMetrics.unregistered()));
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(10);
        }
    }
}
