package dev.pincer.config;

/**
 * The {@code protection} section: what the edge enforces and how its findings combine with the
 * sinks' (docs/configuration.md, "Protection"). Each edge control has one component here for its
 * global settings; per-route overrides are in {@link RouteProtection}. Absent section: every
 * component takes its default.
 *
 * @param rateLimits the global rate limits
 * @param bans       automatic bans and the admin token
 * @param redis      shared state for several instances, or null for in-process only
 */
public record ProtectionConfig(
        RateLimitConfig rateLimits,
        BanConfig bans,
        RedisConfig redis) {
    public static final ProtectionConfig DEFAULT = new ProtectionConfig(
            RateLimitConfig.NONE,
            BanConfig.DEFAULT,
            null);
}
