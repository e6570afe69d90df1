package dev.pincer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Automatic bans ({@code protection.bans}): a client with {@code after} blocked requests within
 * {@code within}, from any control, is refused for {@code banFor}. The admin token guards the
 * admin endpoints that change state ({@code DELETE /bans/{ip}}); it is read from a file or an
 * environment variable, never written in the config itself.
 *
 * <p>Example: {@code bans: {enabled: true, after: 20, within: 1m, ban_for: 10m,
 * admin_token_file: /etc/pincer/admin.token}}.
 *
 * @param adminTokenFile a file holding the admin token, or null
 * @param adminTokenEnv  the name of an environment variable holding it, or null
 */
public record BanConfig(boolean enabled, int after, Duration within, Duration banFor, int maxBans,
                        Path adminTokenFile, String adminTokenEnv) {
    /** Off: a shared NAT address would ban everyone behind it; turning it on is a choice. */
    public static final boolean DEFAULT_ENABLED = false;
    /** 20 blocks: well above what one false positive or a user's retries produce. */
    public static final int DEFAULT_AFTER = 20;
    /** One minute: a scan's pace, short enough that scattered false positives never add up. */
    public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(1);
    /** Ten minutes: stops a scan, and a wrongly banned user is not locked out for long. */
    public static final Duration DEFAULT_BAN_FOR = Duration.ofMinutes(10);
    /** 100k bans, about 20 MB; past it one ban is evicted (and its end logged) to make room. */
    public static final int DEFAULT_MAX_BANS = 100_000;

    public static final BanConfig DEFAULT = new BanConfig(DEFAULT_ENABLED, DEFAULT_AFTER, DEFAULT_WITHIN,
            DEFAULT_BAN_FOR, DEFAULT_MAX_BANS, null, null);

    public BanConfig {
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(banFor, "banFor");
    }
}
