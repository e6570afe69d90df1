package dev.pincer.inspection.ban;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.pincer.inspection.shared.LimitMetrics;
import dev.pincer.inspection.shared.RedisLink;
import dev.pincer.inspection.shared.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's bans, across config generations: at most {@code maxBans}, each removed by itself
 * when its time is up (a scheduler fires the expiry, so the {@code ban_end} event is on time),
 * plus the strikes (blocked requests per client within the window) that lead to a ban
 * ({@link Strikes}). With a {@link RedisLink} a ban or a lift made here is stored and published,
 * and those of other instances arrive through the channel ({@link BanSync}).
 *
 * <p>Example: {@code strike("203.0.113.7", rules, "rules")} the 20th time within a minute bans the
 * client; {@code find("203.0.113.7")} then returns the ban until it ends or {@code lift} removes it.
 */
public final class BanList implements AutoCloseable {
    /** Clients with strikes but no ban yet: 200k, about 30 MB; past it one is forgotten (its count restarts). */
    static final long MAX_STRIKES = 200_000;
    private final Cache<String, Ban> bans;
    private final Strikes strikes;
    private final TimeSource time;
    private final LimitMetrics metrics;
    private final BanSync sync;
    private final int maxBans;

    /** @param link the shared Redis link, or null for in-process bans */
    public BanList(int maxBans, RedisLink link, LimitMetrics metrics) {
        this(maxBans, link, metrics, TimeSource.SYSTEM, true);
    }

    BanList(int maxBans, RedisLink link, LimitMetrics metrics, TimeSource time, boolean scheduled) {
        this.time = Objects.requireNonNull(time, "time");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.maxBans = maxBans;
        Caffeine<Object, Object> b = Caffeine.newBuilder().maximumSize(maxBans).ticker(time::nanoTime);
        if (scheduled) {
            b.scheduler(Scheduler.systemScheduler());
        }
        this.bans = b.expireAfter(new Remaining(time)).<String, Ban>removalListener((ip, ban, cause) -> {
            if (ban != null && (cause == RemovalCause.EXPIRED || cause == RemovalCause.SIZE)) {
                BanEvents.ended(ban, cause == RemovalCause.EXPIRED ? "expired" : "evicted", now());
            }
        }).build();
        this.strikes = new Strikes(Math.min(4L * maxBans, MAX_STRIKES), time);
        metrics.bansActive(bans::estimatedSize);
        this.sync = link == null ? null : new BanSync(this, link);
    }

    /** The ban of {@code ip} in force now, or null. */
    public Ban find(String ip) {
        Ban b = bans.getIfPresent(ip);
        return b == null || b.until().toEpochMilli() <= time.currentTimeMillis() ? null : b;
    }

    /** Every ban in force, soonest end first. */
    public List<Ban> list() {
        Instant now = now();
        List<Ban> out = new ArrayList<>();
        for (Ban b : bans.asMap().values()) {
            if (b.until().isAfter(now)) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing(Ban::until).thenComparing(Ban::ip));
        return out;
    }

    /** Lifts the ban of {@code ip} here and on every instance; false when there was none here. */
    public boolean lift(String ip) {
        boolean had = liftLocal(ip);
        if (sync != null) {
            sync.lifted(ip);
        }
        return had;
    }

    /**
     * Counts one blocked request of {@code ip}; the {@code after}-th within {@code within} bans it
     * for {@code banFor}. A banned client's requests are not counted (the ban does not extend itself).
     */
    public void strike(String ip, int after, Duration within, Duration banFor, String source) {
        if (find(ip) != null) {
            return;
        }
        int n = strikes.add(ip, within);
        if (n < after) {
            return;
        }
        strikes.clear(ip);
        Instant since = now();
        Ban ban = new Ban(ip, since, since.plus(banFor), n + " blocked requests within " + within
                + " (last: " + (source == null ? "unknown" : source) + ")");
        if (apply(ban, "local")) {
            metrics.banStarted();
            if (sync != null) {
                sync.banned(ban);
            }
        }
    }

    /** Puts a ban in force unless one is already; false when it was. */
    boolean apply(Ban ban, String origin) {
        if (!ban.until().isAfter(now()) || bans.asMap().putIfAbsent(ban.ip(), ban) != null) {
            return false;
        }
        BanEvents.started(ban, origin, now());
        return true;
    }

    boolean liftLocal(String ip) {
        Ban b = bans.asMap().remove(ip);
        if (b == null) {
            return false;
        }
        BanEvents.ended(b, "lifted", now());
        return true;
    }

    int maxBans() {
        return maxBans;
    }

    Instant now() {
        return Instant.ofEpochMilli(time.currentTimeMillis());
    }

    /** Runs pending expiries now (tests). */
    void cleanUp() {
        bans.cleanUp();
        strikes.cleanUp();
    }

    long strikesTracked() {
        return strikes.size();
    }

    @Override
    public void close() {
        bans.invalidateAll(); // explicit: no ban_end events; stored bans in Redis stay for the other instances
        strikes.clear();
    }

    /** A ban lives exactly until its end. */
    private record Remaining(TimeSource time) implements Expiry<String, Ban> {
        @Override
        public long expireAfterCreate(String ip, Ban b, long now) {
            return Math.max(0, b.until().toEpochMilli() - time.currentTimeMillis()) * 1_000_000L;
        }

        @Override
        public long expireAfterUpdate(String ip, Ban b, long now, long current) {
            return expireAfterCreate(ip, b, now);
        }

        @Override
        public long expireAfterRead(String ip, Ban b, long now, long current) {
            return current;
        }
    }

    /** For {@link BanSync}: every ban in force that this list holds. */
    Map<String, Ban> snapshot() {
        return Map.copyOf(bans.asMap());
    }
}
