package dev.pincer.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Token-bucket rate limits ({@code protection.rate_limits}, and {@code routes[i].protection.rate_limits}
 * which adds to the global list, replacing a global limit of the same name). Empty: no limit.
 *
 * <p>Example: {@code - {name: api, key: "header:X-Api-Key", rate: 10/s, burst: 20}} lets one API
 * key send 20 requests at once and then 10 a second.
 *
 * @param limits in file order; names unique
 */
public record RateLimitConfig(List<Limit> limits) {
    /** At most this many limits per list: each is one lookup per request. */
    public static final int MAX_LIMITS = 16;
    public static final RateLimitConfig NONE = new RateLimitConfig(List.of());

    public RateLimitConfig {
        limits = List.copyOf(limits);
    }

    /** What a limit counts requests by. */
    public enum KeyKind {
        /** the client IP */
        IP,
        /** the client IP on one route */
        IP_ROUTE,
        /** a request header's value (an API key); a request without it is keyed by its IP */
        HEADER
    }

    /**
     * One limit: {@code tokens} requests per {@code per} sustained, {@code burst} at once.
     *
     * @param header the header name for {@link KeyKind#HEADER}, else null
     */
    public record Limit(String name, KeyKind kind, String header, long tokens, Duration per, int burst) {
        public Limit {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(per, "per");
            if (tokens < 1 || burst < 1 || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("a limit needs tokens, burst and per above zero");
            }
            if ((kind == KeyKind.HEADER) != (header != null)) {
                throw new IllegalArgumentException("a header name exactly for a header key");
            }
        }

        /** The time one token takes to come back, in nanoseconds (at least 1). */
        public long intervalNanos() {
            return Math.max(1, per.toNanos() / tokens);
        }
    }
}
