package dev.pincer.inspection.seclang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The time budget's clock charges what a request costs, not how long the machine kept it waiting. */
class CpuClockTest {

    @Test
    void waitingIsNotCharged() throws InterruptedException {
        long before = CpuClock.now();
        Thread.sleep(100);
        long charged = CpuClock.now() - before;
        assertTrue(charged < 50_000_000L, "a 100 ms sleep charged " + charged / 1_000_000 + " ms");
    }
}
