package dev.pincer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-request limits enforced at the edge, before anything reaches an upstream.
 *
 * @param maxHeaderBytes    request line excluded, all header lines together (431 past it)
 * @param maxUriLength      request-target length (414 past it)
 * @param maxHeaders        number of header fields (431 past it)
 * @param maxBodyBytes      request body size, declared or streamed (413 past it)
 * @param headerReadTimeout time allowed to receive a whole request head (408 past it)
 * @param clientIdleTimeout an idle keep-alive client connection is closed after this long
 * @param bodyReadTimeout   longest wait for the next body bytes while Pincer is reading (408 past it)
 * @param bodyMinRate       as mod_reqtimeout's MinRate: the time spent waiting for a body may not
 *                          exceed {@code bodyRateGrace} plus one second per {@code bodyMinRate}
 *                          bytes received (408 past it); 0 turns the check off
 * @param bodyRateGrace     waiting time allowed before the first byte counts
 * @param bodyMemoryBytes   of a request body held for inspection, what is kept in memory; the rest
 *                          of the hold is spooled to a temp file in {@code bodySpoolDir}
 * @param bodySpoolDir      where held bodies are spooled (files 0600, unlinked once open)
 * @param bodySpoolMaxBytes every request's spooled bytes together, at most (503 past it)
 */
public record LimitsConfig(
        int maxHeaderBytes,
        int maxUriLength,
        int maxHeaders,
        long maxBodyBytes,
        Duration headerReadTimeout,
        Duration clientIdleTimeout,
        Duration bodyReadTimeout,
        long bodyMinRate,
        Duration bodyRateGrace,
        int bodyMemoryBytes,
        Path bodySpoolDir,
        long bodySpoolMaxBytes) {

    /** Body stall: nginx's {@code client_body_timeout} default; a phone losing signal for a minute survives. */
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Body rate: Apache {@code mod_reqtimeout}'s {@code MinRate=500}; GPRS sends ten times that. */
    public static final long DEFAULT_BODY_MIN_RATE = 500;
    /** Grace before the rate applies: {@code mod_reqtimeout}'s {@code body=20}, for TCP slow start and radio wake-up. */
    public static final Duration DEFAULT_BODY_RATE_GRACE = Duration.ofSeconds(20);

    /** In memory per held body: ModSecurity's SecRequestBodyInMemoryLimit, one non-file body prefix. */
    public static final int DEFAULT_BODY_MEMORY_BYTES = 128 * 1024;
    /** Spooled at once: 75 uploads at CRS's 13 MiB SecRequestBodyLimit, a fraction of an ordinary disk. */
    public static final long DEFAULT_BODY_SPOOL_MAX_BYTES = 1L << 30;
    /** The most of a body kept in memory: held bodies are memory per in-flight request. */
    public static final int MAX_BODY_MEMORY_BYTES = 16 << 20;

    /** Where bodies spool when the config names no directory: the JVM's {@code java.io.tmpdir}. */
    public static Path defaultSpoolDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Defaults; {@code docs/configuration.md} gives the reason for each. */
    public static final LimitsConfig DEFAULT = new LimitsConfig(
            32 * 1024, 8 * 1024, 100, 10L * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(60));

    public LimitsConfig {
        Objects.requireNonNull(headerReadTimeout, "headerReadTimeout");
        Objects.requireNonNull(clientIdleTimeout, "clientIdleTimeout");
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        Objects.requireNonNull(bodyRateGrace, "bodyRateGrace");
        Objects.requireNonNull(bodySpoolDir, "bodySpoolDir");
        if (bodyMinRate < 0) {
            throw new IllegalArgumentException("bodyMinRate: " + bodyMinRate + " (expected: >= 0)");
        }
        if (bodyMemoryBytes < 0 || bodyMemoryBytes > MAX_BODY_MEMORY_BYTES) {
            throw new IllegalArgumentException("body_memory_bytes: " + bodyMemoryBytes + " (expected: 0 to "
                    + MAX_BODY_MEMORY_BYTES + ")");
        }
        if (bodySpoolMaxBytes < 0) {
            throw new IllegalArgumentException("body_spool_max_bytes: " + bodySpoolMaxBytes + " (expected: >= 0)");
        }
    }

    /** The limits with the body spool at its defaults. */
    public LimitsConfig(int maxHeaderBytes, int maxUriLength, int maxHeaders, long maxBodyBytes,
                        Duration headerReadTimeout, Duration clientIdleTimeout, Duration bodyReadTimeout,
                        long bodyMinRate, Duration bodyRateGrace) {
        this(maxHeaderBytes, maxUriLength, maxHeaders, maxBodyBytes, headerReadTimeout, clientIdleTimeout,
                bodyReadTimeout, bodyMinRate, bodyRateGrace, DEFAULT_BODY_MEMORY_BYTES, defaultSpoolDir(),
                DEFAULT_BODY_SPOOL_MAX_BYTES);
    }

    /** The limits without the body-rate and spool settings, which take their defaults. */
    public LimitsConfig(int maxHeaderBytes, int maxUriLength, int maxHeaders, long maxBodyBytes,
                        Duration headerReadTimeout, Duration clientIdleTimeout) {
        this(maxHeaderBytes, maxUriLength, maxHeaders, maxBodyBytes, headerReadTimeout, clientIdleTimeout,
                DEFAULT_BODY_READ_TIMEOUT, DEFAULT_BODY_MIN_RATE, DEFAULT_BODY_RATE_GRACE);
    }
}
