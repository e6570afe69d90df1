package dev.pincer.inspection.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * The wall-time stretches of a phase (before its first budget check, or a light phase whole)
     * count up to {@link PhaseRunner#WALL_STRETCH_MAX_NANOS}: limit and limit + 1.
     */
    @Test
    void aWallStretchCountsAtMostItsCap() {
        long cap = PhaseRunner.WALL_STRETCH_MAX_NANOS;
        assertEquals(1_000L, PhaseRunner.wallStretch(1_000L));
        assertEquals(cap, PhaseRunner.wallStretch(cap));
        assertEquals(cap, PhaseRunner.wallStretch(cap + 1));
        assertEquals(cap, PhaseRunner.wallStretch(45_000_000L), "a 45 ms stall counts 2 ms");
        assertTrue(cap * 5 < SecLangEngine.DEFAULT_TIME_BUDGET_NANOS, "five phases of stalls alone cannot exhaust the budget");
    }
}
