package dev.pincer.inspection.ban;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.shared.LimitMetrics;
import dev.pincer.inspection.shared.RedisLink;
import dev.pincer.inspection.shared.RedisServer;
import dev.pincer.inspection.shared.TimeSource;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances' ban lists against one real redis-server: a ban or a lift holds on both within a second. */
class SharedBansTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private RedisServer redis;
    private RedisLink linkA;
    private RedisLink linkB;
    private LimitMetrics metricsA;
    private BanList a;
    private BanList b;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        metricsA = LimitMetrics.unregistered();
        linkA = RedisLink.open(redis.config(Duration.ofMillis(200)), metricsA);
        linkB = RedisLink.open(redis.config(Duration.ofMillis(200)), LimitMetrics.unregistered());
        a = new BanList(1000, linkA, metricsA, TimeSource.SYSTEM, true);
        b = new BanList(1000, linkB, LimitMetrics.unregistered(), TimeSource.SYSTEM, true);
        await(() -> linkA.up() && linkB.up(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        linkA.close();
        linkB.close();
        redis.close();
    }

    @Test
    void aBanMadeOnOneInstanceHoldsOnTheOtherWithinASecond() throws Exception {
        a.strike("203.0.113.7", 1, MINUTE, MINUTE, "rules");
        assertNotNull(a.find("203.0.113.7"));
        await(() -> b.find("203.0.113.7") != null, Duration.ofSeconds(1));
        assertEquals(a.find("203.0.113.7"), b.find("203.0.113.7"));

        b.lift("203.0.113.7");
        await(() -> a.find("203.0.113.7") == null, Duration.ofSeconds(1));
    }

    @Test
    void anInstanceThatStartsLaterLoadsTheStoredBans() throws Exception {
        a.strike("203.0.113.8", 1, MINUTE, MINUTE, "rules");
        Thread.sleep(200);
        try (RedisLink linkC = RedisLink.open(redis.config(Duration.ofMillis(200)), LimitMetrics.unregistered());
             BanList c = new BanList(1000, linkC, LimitMetrics.unregistered(), TimeSource.SYSTEM, true)) {
            await(() -> c.find("203.0.113.8") != null, Duration.ofSeconds(3));
        }
    }

    @Test
    void withRedisGoneBansStayLocalAreCountedAndAreStoredOnceItIsBack() throws Exception {
        redis.stop();
        await(() -> !linkA.up(), Duration.ofSeconds(3));
        double before = metricsA.redisFallbacks();
        a.strike("203.0.113.9", 1, MINUTE, MINUTE, "rules");
        assertNotNull(a.find("203.0.113.9"), "the local ban holds without Redis");
        assertTrue(metricsA.redisFallbacks() > before);
        assertNull(b.find("203.0.113.9"));

        redis.startProcess();
        await(() -> linkA.up() && linkB.up(), Duration.ofSeconds(10));
        // usually at once (A stores it on reconnect and publishes it); at worst at B's next refresh,
        // when the message went out while B's subscription was still being re-established
        await(() -> b.find("203.0.113.9") != null, RedisLink.REFRESH.plusSeconds(5));
    }

    @Test
    void hostileChannelMessagesAreDropped() throws Exception {
        BanSync sync = new BanSync(new BanList(10, null, LimitMetrics.unregistered(), TimeSource.SYSTEM, false), linkA);
        for (String m : new String[] {"", "B", "B x", "B 203.0.113.1", "B 203.0.113.1 a b c", "X 203.0.113.1 1 2 r",
                "L example.com", "B example.com 1 9999999999999 r"}) {
            sync.message(m);
        }
        assertTrue(a.list().isEmpty());
    }

    static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(10);
        }
    }
}
