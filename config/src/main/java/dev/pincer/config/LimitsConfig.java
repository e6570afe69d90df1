package dev.pincer.config;

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
 */
public record LimitsConfig(
        int maxHeaderBytes,
        int maxUriLength,
        int maxHeaders,
        long maxBodyBytes,
        Duration headerReadTimeout,
        Duration clientIdleTimeout) {

    /** Defaults; {@code docs/configuration.md} gives the reason for each. */
    public static final LimitsConfig DEFAULT = new LimitsConfig(
            32 * 1024, 8 * 1024, 100, 10L * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(60));

    public LimitsConfig {
        Objects.requireNonNull(headerReadTimeout, "headerReadTimeout");
        Objects.requireNonNull(clientIdleTimeout, "clientIdleTimeout");
    }
}
