package dev.pincer.inspection.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.config.RateLimitConfig.KeyKind;
import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.inspection.shared.FakeTime;
import dev.pincer.inspection.shared.LimitMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Guards the lock-free bucket: many threads taking from one key at one instant admit exactly the
 * burst, never one more (a lost compare-and-set would let a request through twice).
 */
class BucketConcurrencyTest {
    @Test
    void concurrentTakesAdmitExactlyTheBurst() throws Exception {
        FakeTime time = new FakeTime();
        RateStore store = new RateStore(null, LimitMetrics.unregistered(), 1000, time);
        Limit limit = new Limit("per_ip", KeyKind.IP, null, 1, Duration.ofHours(1), 500);
        AtomicInteger passed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    if (store.acquire("i:192.0.2.1", limit) == 0) {
                        passed.incrementAndGet();
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(500, passed.get());
    }
}
