package dev.pincer.inspection.ratelimit;

import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.config.RouteProtection;
import dev.pincer.inspection.transaction.Participant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles the rate limits of one route (the global ones, plus the route's, a route limit
 * replacing a global one of the same name) into a participant that answers the request head.
 *
 * <p>Example: {@code RateLimits.compile(config.protection(), route.protection(), store)} is null
 * when no limit applies, so the route pays nothing.
 */
public final class RateLimits {
    public static final String CONTROL = "rate_limit";

    private RateLimits() {
    }

    /** The participant for one route of one config generation, or null when no limit applies. */
    public static Participant compile(ProtectionConfig global, RouteProtection route, RateStore store) {
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(store, "store");
        Map<String, Limit> byName = new LinkedHashMap<>();
        for (Limit l : global.rateLimits().limits()) {
            byName.put(l.name(), l);
        }
        for (Limit l : route.rateLimits().limits()) {
            byName.put(l.name(), l);
        }
        if (byName.isEmpty()) {
            return null;
        }
        return new RateLimitParticipant(new ArrayList<>(byName.values()), store);
    }

    /** The limits a participant enforces, in order (for tests and the integrator's logs). */
    public static List<Limit> limits(Participant p) {
        return p instanceof RateLimitParticipant r ? r.limits() : List.of();
    }
}
