package dev.pincer.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Passive health checking: a server that fails {@code failures} connection attempts in a row is
 * taken out of rotation for {@code ejectTime}.
 */
public record HealthConfig(int failures, Duration ejectTime) {
    /** One failed connect ejects a server for 10s: fast to react, short enough to recover on its own. */
    public static final HealthConfig DEFAULT = new HealthConfig(1, Duration.ofSeconds(10));

    public HealthConfig {
        Objects.requireNonNull(ejectTime, "ejectTime");
    }
}
