package dev.pincer.inspection.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RateLimitConfig;
import dev.pincer.config.RateLimitConfig.KeyKind;
import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.config.RouteProtection;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.shared.FakeTime;
import dev.pincer.inspection.shared.LimitMetrics;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.verdict.AttackClass;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate-limit participant: burst, sustained rate, Retry-After, keys, merging of route limits. */
class RateLimitsTest {
    private final FakeTime time = new FakeTime();
    private final RateStore store = new RateStore(null, LimitMetrics.unregistered(), 1000, time);

    private static Limit limit(String name, KeyKind kind, String header, long tokens, int burst) {
        return new Limit(name, kind, header, tokens, Duration.ofSeconds(1), burst);
    }

    private Participant compile(Limit... global) {
        ProtectionConfig p = ProtectionConfig.DEFAULT.withLimits(new RateLimitConfig(List.of(global)),
                ProtectionConfig.DEFAULT.bans(), null);
        return RateLimits.compile(p, RouteProtection.DEFAULT, store);
    }

    private Outcome request(Participant p, String ip, HeaderField... headers) {
        return Requests.tx(ip, "*/api", List.of(headers), p).requestHead();
    }

    @Test
    void burstPassesAndTheRequestPastItGets429WithRetryAfter() {
        Participant p = compile(limit("per_ip", KeyKind.IP, null, 10, 20));
        for (int i = 0; i < 20; i++) {
            assertEquals(Outcome.CONTINUE, request(p, "203.0.113.7"), "request " + (i + 1));
        }
        Outcome o = request(p, "203.0.113.7");
        assertEquals(429, o.status());
        assertEquals(AttackClass.RATE_LIMIT, o.findings().get(0).attackClass());
        assertEquals("rate_limit", o.findings().get(0).control());
        assertEquals(List.of(new HeaderField("Retry-After", "1")), o.headers());
        assertEquals(Outcome.CONTINUE, request(p, "203.0.113.8"), "another client has its own bucket");
    }

    @Test
    void sustainedRateRefillsOneTokenPerInterval() {
        Participant p = compile(limit("per_ip", KeyKind.IP, null, 10, 1));
        assertEquals(Outcome.CONTINUE, request(p, "192.0.2.1"));
        assertTrue(request(p, "192.0.2.1").blocks());
        time.advance(Duration.ofMillis(99));
        assertTrue(request(p, "192.0.2.1").blocks(), "a refused request takes no token and refills nothing early");
        time.advance(Duration.ofMillis(1));
        assertEquals(Outcome.CONTINUE, request(p, "192.0.2.1"));
        assertTrue(request(p, "192.0.2.1").blocks());
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        Participant p = compile(new Limit("slow", KeyKind.IP, null, 1, Duration.ofMinutes(1), 1));
        request(p, "192.0.2.1");
        assertEquals("60", request(p, "192.0.2.1").headers().get(0).value());
        time.advance(Duration.ofMillis(59_001));
        assertEquals("1", request(p, "192.0.2.1").headers().get(0).value());
    }

    @Test
    void headerKeyCountsPerValueAndFallsBackToTheIpWithoutIt() {
        Participant p = compile(limit("api", KeyKind.HEADER, "X-Api-Key", 1, 1));
        assertEquals(Outcome.CONTINUE, request(p, "192.0.2.1", new HeaderField("x-api-key", "k1")));
        assertTrue(request(p, "192.0.2.9", new HeaderField("X-Api-Key", "k1")).blocks(), "same key, other IP");
        assertEquals(Outcome.CONTINUE, request(p, "192.0.2.1", new HeaderField("X-Api-Key", "k2")));
        assertEquals(Outcome.CONTINUE, request(p, "192.0.2.1"), "no header: the IP's bucket");
        assertTrue(request(p, "192.0.2.1").blocks(), "no header twice: the IP's bucket is empty");
        assertTrue(request(p, "192.0.2.1", new HeaderField("X-Api-Key", "")).blocks(), "empty counts as absent");
        String msg = request(p, "192.0.2.9", new HeaderField("X-Api-Key", "k1")).findings().get(0).message();
        assertTrue(!msg.contains("k1"), "the key's value never appears in a finding: " + msg);
    }

    @Test
    void ipRouteKeysSeparateRoutes() {
        Participant p = compile(limit("login", KeyKind.IP_ROUTE, null, 1, 1));
        assertEquals(Outcome.CONTINUE, Requests.tx("192.0.2.1", "*/a", List.of(), p).requestHead());
        assertEquals(Outcome.CONTINUE, Requests.tx("192.0.2.1", "*/b", List.of(), p).requestHead());
        assertTrue(Requests.tx("192.0.2.1", "*/a", List.of(), p).requestHead().blocks());
    }

    @Test
    void everyLimitMustHaveATokenAndTheFirstEmptyOneIsNamed() {
        Participant p = compile(limit("wide", KeyKind.IP, null, 100, 100), limit("narrow", KeyKind.IP, null, 1, 2));
        request(p, "192.0.2.1");
        request(p, "192.0.2.1");
        assertTrue(request(p, "192.0.2.1").findings().get(0).message().startsWith("rate limit narrow "));
    }

    @Test
    void aRouteLimitReplacesTheGlobalOneOfItsNameAndAddsTheRest() {
        ProtectionConfig g = ProtectionConfig.DEFAULT.withLimits(new RateLimitConfig(List.of(limit("a", KeyKind.IP, null, 1, 1),
                limit("b", KeyKind.IP, null, 2, 2))), ProtectionConfig.DEFAULT.bans(), null);
        RouteProtection r = RouteProtection.DEFAULT.withRateLimits(new RateLimitConfig(List.of(limit("a", KeyKind.IP, null, 5, 5),
                limit("c", KeyKind.IP, null, 3, 3))));
        List<Limit> ls = RateLimits.limits(RateLimits.compile(g, r, store));
        assertEquals(List.of("a", "b", "c"), ls.stream().map(Limit::name).toList());
        assertEquals(5, ls.get(0).tokens());
    }

    @Test
    void noLimitMeansNoParticipant() {
        assertNull(RateLimits.compile(ProtectionConfig.DEFAULT, RouteProtection.DEFAULT, store));
    }
}
