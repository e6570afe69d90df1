package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.config.RateLimitConfig.KeyKind;
import dev.pincer.config.RateLimitConfig.Limit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rate limits, bans and Redis as bound from YAML: defaults, every key, and the rate syntax's bounds. */
class ProtectionLimitsConfigTest {
    private static final String BASE = """
            listen: 127.0.0.1:8080
            upstreams:
              app:
                servers: [127.0.0.1:8081]
            """;

    @Test
    void absentSectionsTakeTheirDefaults() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(BASE + "routes:\n  - {match: {path_prefix: /}, upstream: app}\n", "p.yaml");
        assertEquals(RateLimitConfig.NONE, c.protection().rateLimits());
        assertEquals(BanConfig.DEFAULT, c.protection().bans());
        assertNull(c.protection().redis());
        assertEquals(RateLimitConfig.NONE, c.routes().get(0).protection().rateLimits());
    }

    @Test
    void everyKeyIsBound() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(BASE + """
                protection:
                  rate_limits:
                    - {name: per_ip, rate: 10/s, burst: 20}
                    - {name: api, key: "header:X-Api-Key", rate: 600/m}
                  bans: {enabled: true, after: 5, within: 30s, ban_for: 1h, max_bans: 10,
                         admin_token_file: /run/secrets/pincer-admin}
                  redis: {address: "10.0.0.5:6380", password_env: REDIS_PW, database: 2, timeout: 20ms, prefix: "edge:"}
                routes:
                  - match: {path_prefix: /login}
                    upstream: app
                    protection:
                      rate_limits: [{name: login, key: ip+route, rate: 5/h}]
                """, "p.yaml");
        ProtectionConfig p = c.protection();
        assertEquals(List.of(new Limit("per_ip", KeyKind.IP, null, 10, Duration.ofSeconds(1), 20),
                new Limit("api", KeyKind.HEADER, "X-Api-Key", 600, Duration.ofMinutes(1), 600)), p.rateLimits().limits());
        assertEquals(new BanConfig(true, 5, Duration.ofSeconds(30), Duration.ofHours(1), 10,
                Path.of("/run/secrets/pincer-admin"), null), p.bans());
        assertEquals(new RedisConfig(new HostPort("10.0.0.5", 6380), "REDIS_PW", 2, Duration.ofMillis(20), "edge:"),
                p.redis());
        assertEquals(List.of(new Limit("login", KeyKind.IP_ROUTE, null, 5, Duration.ofHours(1), 5)),
                c.routes().get(0).protection().rateLimits().limits());
    }

    @Test
    void rateAtItsBoundsAndOnePast() {
        assertArrayEquals(new long[] {1, 1_000_000_000L}, RateLimitBinder.rate("1/s"));
        assertArrayEquals(new long[] {1_000_000, 3_600_000_000_000L}, RateLimitBinder.rate("1000000/h"));
        assertThrows(IllegalArgumentException.class, () -> RateLimitBinder.rate("1000001/s"));
        assertThrows(IllegalArgumentException.class, () -> RateLimitBinder.rate("0/s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/s", "10", "10/", "10/ss", "-1/s", "1.5/s", "10/S", "99999999/s", "１/s"})
    void malformedRatesAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> RateLimitBinder.rate(text));
    }

    @Test
    void bothTokenSourcesAreRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(BASE + """
                protection:
                  bans: {admin_token_file: /a, admin_token_env: B}
                routes:
                  - {match: {path_prefix: /}, upstream: app}
                """, "p.yaml"));
        assertEquals("p.yaml:6: protection.bans.admin_token_env: B (expected: either admin_token_file or "
                + "admin_token_env, not both)", e.problems().get(0).toString());
    }
}
