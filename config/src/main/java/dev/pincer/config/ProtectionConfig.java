package dev.pincer.config;

import java.util.Objects;

/**
 * The {@code protection} section: what the edge enforces and how its findings combine with the
 * sinks' (docs/configuration.md, "Protection"). The first components are the policy's own (keys
 * {@code mode}, {@code incomplete}, {@code on_analysis_limit}, {@code body_prefix_bytes}); each
 * edge control adds one component for its global settings. Per-route overrides are in
 * {@link RouteProtection}. Absent section: every component takes its default.
 *
 * <p>Example: {@code protection: {mode: monitor, body_prefix_bytes: 256k}} is
 * {@code new ProtectionConfig(Mode.MONITOR, Incomplete.REJECT, OnAnalysisLimit.BLOCK, 262144)}.
 *
 * @param mode            how edge findings and sink verdicts combine (the table in docs/correlation.md)
 * @param incomplete      what a request inspection could not represent whole gets, unless its
 *                        route says otherwise
 * @param onAnalysisLimit what a sink check whose analysis hit a work budget gets
 * @param bodyPrefixBytes how much of a request body (not counting multipart file contents) is held
 *                        and inspected for inputs
 * @param ipFilter        the global allow and deny lists
 * @param rateLimits      the global rate limits
 * @param bans            automatic bans and the admin token
 * @param redis           shared state for several instances, or null for in-process only
 * @param uploads         upload type detection, on by default
 */
public record ProtectionConfig(
        Mode mode,
        RouteConfig.Incomplete incomplete,
        OnAnalysisLimit onAnalysisLimit,
        int bodyPrefixBytes,
        IpFilterConfig ipFilter,
        RateLimitConfig rateLimits,
        BanConfig bans,
        RedisConfig redis,
        UploadConfig uploads,
        RulesConfig rules) {

    /** ModSecurity's SecRequestBodyNoFilesLimit: 128 KiB of non-file body; multipart file contents do not count. */
    public static final int DEFAULT_BODY_PREFIX_BYTES = 128 * 1024;
    /** The largest prefix: a held body is memory per in-flight request. */
    public static final int MAX_BODY_PREFIX_BYTES = 16 << 20;
    /** The attacker chose the cost of an analysis that hit its budget, so it blocks unless told otherwise. */
    public static final OnAnalysisLimit DEFAULT_ON_ANALYSIS_LIMIT = OnAnalysisLimit.BLOCK;

    public static final ProtectionConfig DEFAULT = new ProtectionConfig(Mode.HYBRID, RouteConfig.Incomplete.REJECT,
            DEFAULT_ON_ANALYSIS_LIMIT, DEFAULT_BODY_PREFIX_BYTES);

    /** The policy's settings with every edge control at its default. */
    public ProtectionConfig(Mode mode, RouteConfig.Incomplete incomplete, OnAnalysisLimit onAnalysisLimit,
                            int bodyPrefixBytes) {
        this(mode, incomplete, onAnalysisLimit, bodyPrefixBytes, IpFilterConfig.DEFAULT, RateLimitConfig.NONE,
                BanConfig.DEFAULT, null, UploadConfig.DEFAULT);
    }

    public ProtectionConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(incomplete, "incomplete");
        Objects.requireNonNull(onAnalysisLimit, "onAnalysisLimit");
        Objects.requireNonNull(ipFilter, "ipFilter");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(bans, "bans");
        Objects.requireNonNull(uploads, "uploads");
        Objects.requireNonNull(rules, "rules");
        if (bodyPrefixBytes < 0 || bodyPrefixBytes > MAX_BODY_PREFIX_BYTES) {
            throw new IllegalArgumentException("body_prefix_bytes: " + bodyPrefixBytes + " (expected: 0 to "
                    + MAX_BODY_PREFIX_BYTES + ")");
        }
    }

    /** Every edge control but the rule engine (no rule files). */
    public ProtectionConfig(Mode mode, RouteConfig.Incomplete incomplete, OnAnalysisLimit onAnalysisLimit,
                            int bodyPrefixBytes, IpFilterConfig ipFilter, RateLimitConfig rateLimits, BanConfig bans,
                            RedisConfig redis, UploadConfig uploads) {
        this(mode, incomplete, onAnalysisLimit, bodyPrefixBytes, ipFilter, rateLimits, bans, redis, uploads,
                RulesConfig.NONE);
    }

    /** This config with other rule files and CRS settings. */
    public ProtectionConfig withRules(RulesConfig next) {
        return new ProtectionConfig(mode, incomplete, onAnalysisLimit, bodyPrefixBytes, ipFilter, rateLimits, bans, redis,
                uploads, next);
    }

    /** This config with {@code next} as its global IP filter. */
    public ProtectionConfig withIpFilter(IpFilterConfig next) {
        return new ProtectionConfig(mode, incomplete, onAnalysisLimit, bodyPrefixBytes, next, rateLimits, bans, redis,
                uploads, rules);
    }

    /** This config with other rate limits, bans and shared state. */
    public ProtectionConfig withLimits(RateLimitConfig nextLimits, BanConfig nextBans, RedisConfig nextRedis) {
        return new ProtectionConfig(mode, incomplete, onAnalysisLimit, bodyPrefixBytes, ipFilter, nextLimits, nextBans,
                nextRedis, uploads, rules);
    }

    /** This config with other upload settings. */
    public ProtectionConfig withUploads(UploadConfig next) {
        return new ProtectionConfig(mode, incomplete, onAnalysisLimit, bodyPrefixBytes, ipFilter, rateLimits, bans, redis,
                next, rules);
    }

    /** The mode requests of {@code route} are judged in: its own {@code protection.mode}, else {@link #mode}. */
    public Mode mode(RouteConfig route) {
        Mode own = route == null ? null : route.protection().mode();
        return own == null ? mode : own;
    }

    /** How edge findings and sink verdicts combine; the table is in docs/correlation.md. */
    public enum Mode {
        /** Sink-covered classes are decided at the sink while a sensor is connected; the rest at the edge. */
        HYBRID,
        /** Everything is decided at the edge; sink checks are recorded, never block. */
        EDGE,
        /** Nothing is blocked; every decision is logged as it would have been made in hybrid mode. */
        MONITOR
    }

    /**
     * What a sink check gets when its analysis hits a work budget (occurrence search, SQL tokens,
     * ...) before it could decide: the {@code analysis_limit} finding is blocked like an attack, or
     * only recorded.
     */
    public enum OnAnalysisLimit {
        /** Block (hybrid), would-block (monitor): an attacker can make any input expensive. */
        BLOCK,
        /** Let the sink run and record the event: for apps whose own sink arguments are huge. */
        ALLOW
    }
}
