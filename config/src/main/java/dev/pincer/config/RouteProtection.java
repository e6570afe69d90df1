package dev.pincer.config;

/**
 * A route's own {@code protection} mapping ({@code routes[i].protection}): what it overrides of
 * {@link ProtectionConfig} for the requests it takes. Absent: the global settings apply as they are.
 *
 * <p>Example: {@code protection: {mode: monitor}} on a new route is
 * {@code new RouteProtection(Mode.MONITOR, null)}: its requests are logged, never blocked, while the
 * other routes keep the global mode.
 *
 * @param mode       the route's mode, or {@code null} for {@code protection.mode}
 * @param incomplete the route's incomplete-request policy as written, or {@code null} for
 *                   {@code protection.incomplete} ({@link RouteConfig#incomplete()} is the one in force)
 * @param ipFilter   the route's own allow and deny lists (precedence: docs/configuration.md)
 * @param rateLimits limits added to the global ones (a same-named one replaces it)
 * @param uploads    the route's upload settings; {@link UploadConfig#INHERIT} when it sets none
 * @param ruleExclusions rules and targets the rule engine skips for the route's requests
 */
public record RouteProtection(ProtectionConfig.Mode mode, RouteConfig.Incomplete incomplete, IpFilterConfig ipFilter,
                              RateLimitConfig rateLimits, UploadConfig uploads, RuleExclusions ruleExclusions) {
    public static final RouteProtection DEFAULT = new RouteProtection(null, null);

    public RouteProtection {
        java.util.Objects.requireNonNull(ipFilter, "ipFilter");
        java.util.Objects.requireNonNull(rateLimits, "rateLimits");
        java.util.Objects.requireNonNull(uploads, "uploads");
        java.util.Objects.requireNonNull(ruleExclusions, "ruleExclusions");
    }

    public RouteProtection(ProtectionConfig.Mode mode, RouteConfig.Incomplete incomplete, IpFilterConfig ipFilter,
                           RateLimitConfig rateLimits, UploadConfig uploads) {
        this(mode, incomplete, ipFilter, rateLimits, uploads, RuleExclusions.NONE);
    }

    public RouteProtection withRuleExclusions(RuleExclusions next) {
        return new RouteProtection(mode, incomplete, ipFilter, rateLimits, uploads, next);
    }

    public RouteProtection withIpFilter(IpFilterConfig next) {
        return new RouteProtection(mode, incomplete, next, rateLimits, uploads, ruleExclusions);
    }

    public RouteProtection withRateLimits(RateLimitConfig next) {
        return new RouteProtection(mode, incomplete, ipFilter, next, uploads, ruleExclusions);
    }

    public RouteProtection withUploads(UploadConfig next) {
        return new RouteProtection(mode, incomplete, ipFilter, rateLimits, next, ruleExclusions);
    }

    /** The policy's overrides with no per-route edge control. */
    public RouteProtection(ProtectionConfig.Mode mode, RouteConfig.Incomplete incomplete) {
        this(mode, incomplete, IpFilterConfig.DEFAULT, RateLimitConfig.NONE, UploadConfig.INHERIT);
    }
}
