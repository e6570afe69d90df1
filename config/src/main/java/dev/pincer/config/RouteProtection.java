package dev.pincer.config;

/**
 * A route's own {@code protection} mapping ({@code routes[i].protection}): what it overrides of
 * {@link ProtectionConfig} for the requests it takes. Absent: the global settings apply as they are.
 *
 * @param rateLimits limits added to the global ones (a same-named one replaces it)
 */
public record RouteProtection(
        RateLimitConfig rateLimits) {
    public static final RouteProtection DEFAULT = new RouteProtection(
            RateLimitConfig.NONE);
}
