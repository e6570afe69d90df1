package dev.pincer.proxy.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.HealthConfig;
import dev.pincer.proxy.upstream.PassiveHealth.Change;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PassiveHealth}, driven with explicit {@code System.nanoTime()}-style instants. */
class PassiveHealthTest {
    private static final long EJECT = Duration.ofSeconds(10).toNanos();

    private static final long SECOND = 1_000_000_000L;

    @Test
    void ejectedAfterNFailuresWithinTheWindow() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(3, Duration.ofSeconds(10), Duration.ofSeconds(10)));
        long t = 1_000_000_000L;
        assertEquals(Change.NONE, h.failure(t, true));
        assertEquals(Change.NONE, h.failure(t + SECOND, true));
        assertTrue(h.available(t + SECOND));
        assertEquals(Change.DOWN, h.failure(t + 2 * SECOND, true), "the third failure within 10s ejects");
        assertFalse(h.available(t + 2 * SECOND));
        assertFalse(h.available(t + 2 * SECOND + EJECT - 1));
        assertTrue(h.available(t + 2 * SECOND + EJECT), "back in rotation after the eject time");
    }

    /** limit + 1: N-1 failures never eject; failures spread wider than the window never add up. */
    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(3, Duration.ofSeconds(10), Duration.ofSeconds(10)));
        long t = 0;
        for (int i = 0; i < 20; i++) {
            assertEquals(Change.NONE, h.failure(t + i * 6 * SECOND, true), "failure " + i);
        }
        assertTrue(h.available(t + 200 * SECOND));
    }

    @Test
    void oneConnectTimeoutNeverEjectsByDefault() {
        PassiveHealth h = new PassiveHealth(HealthConfig.DEFAULT);
        assertEquals(Change.NONE, h.failure(100, true));
        assertEquals(Change.NONE, h.failure(200, true));
        assertTrue(h.available(300));
        assertEquals(Change.DOWN, h.failure(300, true));
    }

    @Test
    void aSuccessClearsTheCountAndBringsItUpOnce() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(2, Duration.ofSeconds(10)));
        long t = 5L;
        assertEquals(Change.NONE, h.failure(t, true));
        assertEquals(Change.NONE, h.success(), "it was never down");
        assertEquals(Change.NONE, h.failure(t, true), "count restarted");
        assertEquals(Change.DOWN, h.failure(t, true));
        assertEquals(Change.UP, h.success());
        assertEquals(Change.NONE, h.success());
        assertTrue(h.available(t + 1));
    }

    /** A probe after the ejection that fails ejects again at once, and logs nothing new (still down). */
    @Test
    void aFailedProbeEjectsAgainWithoutANewStateChange() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(2, Duration.ofSeconds(10)));
        h.failure(0, true);
        assertEquals(Change.DOWN, h.failure(0, true));
        long later = EJECT;
        assertTrue(h.available(later));
        assertEquals(Change.NONE, h.failure(later, true));
        assertFalse(h.available(later + 1));
        assertTrue(h.down());
    }

    /** A flapping server changes state at most twice per eject time, however many requests fail. */
    @Test
    void flappingChangesStateAtMostTwicePerEjectTime() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(1, Duration.ofSeconds(10), Duration.ofSeconds(10)));
        int changes = 0;
        long t = 0;
        for (int i = 0; i < 100_000; i++) { // a failure and a success every millisecond for 100s
            t += 1_000_000L;
            if (h.available(t)) {
                changes += h.failure(t, true) == Change.NONE ? 0 : 1;
                changes += h.available(t) && h.success() != Change.NONE ? 1 : 0;
            }
        }
        assertTrue(changes <= 2 * 11, changes + " state changes in 100s");
    }

    @Test
    void theLastUsableServerIsKeptAndThatIsReportedOnce() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(1, Duration.ofSeconds(10)));
        assertEquals(Change.KEPT_AS_LAST, h.failure(0, false));
        for (int i = 1; i < 1000; i++) {
            assertEquals(Change.NONE, h.failure(i, false));
        }
        assertTrue(h.available(1000));
        assertEquals(Change.NONE, h.success());
        assertEquals(Change.KEPT_AS_LAST, h.failure(2000, false), "a new failing period is reported again");
    }

    /**
     * Regression: {@code System.nanoTime()} has an arbitrary origin and may be negative. A server
     * that never failed must be available at any instant, not only at non-negative ones.
     */
    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1_000_000_000_000L, -1, 0, 1, Long.MAX_VALUE})
    void neverFailedIsAvailableAtAnyInstant(long now) {
        PassiveHealth h = new PassiveHealth(HealthConfig.DEFAULT);
        assertTrue(h.available(now));
    }

    /** Ejection works the same around a negative clock origin. */
    @Test
    void ejectionWithNegativeInstants() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(1, Duration.ofSeconds(10)));
        long t = -50_000_000_000L;
        assertEquals(Change.DOWN, h.failure(t, true));
        assertFalse(h.available(t + 1));
        assertTrue(h.available(t + EJECT));
    }
}
