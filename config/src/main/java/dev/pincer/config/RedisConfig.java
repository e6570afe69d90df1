package dev.pincer.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A Redis server that several Pincer instances share bans and rate-limit counters through
 * ({@code protection.redis}); absent, both stay in-process. A request never waits on Redis: see
 * docs/configuration.md, "Shared state through Redis".
 *
 * <p>Example: {@code redis: {address: 10.0.0.5:6379, password_env: PINCER_REDIS_PASSWORD,
 * timeout: 50ms, prefix: "pincer:"}}.
 *
 * @param address     host:port
 * @param passwordEnv the environment variable holding the password, or null for none
 * @param database    the logical database number
 * @param timeout     how long one command may take before it counts as failed
 * @param prefix      the start of every key and channel name
 */
public record RedisConfig(HostPort address, String passwordEnv, int database, Duration timeout, String prefix) {
    /** 50 ms: a healthy Redis on the same network answers in well under a millisecond. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(50);
    public static final String DEFAULT_PREFIX = "pincer:";

    public RedisConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(prefix, "prefix");
    }
}
