package dev.pincer.proxy.upstream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.HealthConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PassiveHealth}, driven with explicit {@code System.nanoTime()}-style instants. */
class PassiveHealthTest {
    private static final long EJECT = Duration.ofSeconds(10).toNanos();

    @Test
    void ejectedAfterNFailuresInARow() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(3, Duration.ofSeconds(10)));
        long t = 1_000_000_000L;
        assertFalse(h.failure(t));
        assertFalse(h.failure(t));
        assertTrue(h.available(t));
        assertTrue(h.failure(t), "the third failure ejects");
        assertFalse(h.available(t));
        assertFalse(h.available(t + EJECT - 1));
        assertTrue(h.available(t + EJECT), "back after the eject time");
    }

    @Test
    void aSuccessClearsTheCount() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(2, Duration.ofSeconds(10)));
        long t = 5L;
        assertFalse(h.failure(t));
        h.success();
        assertFalse(h.failure(t), "count restarted");
        assertTrue(h.available(t));
        assertTrue(h.failure(t));
        assertFalse(h.available(t + 1));
    }

    @Test
    void afterRecoveryItTakesNFreshFailuresToEjectAgain() {
        PassiveHealth h = new PassiveHealth(new HealthConfig(2, Duration.ofSeconds(10)));
        long t = 0;
        h.failure(t);
        assertTrue(h.failure(t));
        long later = t + EJECT;
        assertTrue(h.available(later));
        assertFalse(h.failure(later));
        assertTrue(h.available(later));
        assertTrue(h.failure(later));
        assertFalse(h.available(later + EJECT - 1));
    }

    @Test
    void defaultEjectsOnTheFirstFailure() {
        PassiveHealth h = new PassiveHealth(HealthConfig.DEFAULT);
        assertTrue(h.failure(100));
        assertFalse(h.available(100));
        assertTrue(h.available(100 + HealthConfig.DEFAULT.ejectTime().toNanos()));
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
        assertTrue(h.failure(t));
        assertFalse(h.available(t + 1));
        assertTrue(h.available(t + EJECT));
    }
}
