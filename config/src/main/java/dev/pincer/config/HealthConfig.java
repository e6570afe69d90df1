package dev.pincer.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Passive health checking, as nginx's {@code max_fails}/{@code fail_timeout} and HAProxy's
 * {@code fall}: a server that fails {@code failures} connection attempts within {@code window}
 * is taken out of rotation for {@code ejectTime} — unless it is the last usable server of its
 * upstream, which always stays in rotation.
 *
 * <p>Example: {@code failures: 3, window: 10s, eject_time: 10s} ejects a server after its third
 * failed connect in ten seconds; a single connect timeout changes nothing.
 */
public record HealthConfig(int failures, Duration window, Duration ejectTime) {
    /** Failures that eject: HAProxy's {@code fall 3}; one lost SYN never takes a server out. */
    public static final int DEFAULT_FAILURES = 3;
    /** Window those failures must fall in: nginx's {@code fail_timeout=10s}. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    /** Ejection time: nginx's {@code fail_timeout=10s}, short enough to recover on its own. */
    public static final Duration DEFAULT_EJECT_TIME = Duration.ofSeconds(10);

    public static final HealthConfig DEFAULT = new HealthConfig(DEFAULT_FAILURES, DEFAULT_WINDOW, DEFAULT_EJECT_TIME);

    public HealthConfig {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(ejectTime, "ejectTime");
        if (failures < 1) {
            throw new IllegalArgumentException("failures: " + failures + " (expected: >= 1)");
        }
    }

    /** {@code failures} within the default window. */
    public HealthConfig(int failures, Duration ejectTime) {
        this(failures, DEFAULT_WINDOW, ejectTime);
    }
}
