package dev.pincer.inspection.protection;

import dev.pincer.config.ProtectionConfig;
import dev.pincer.inspection.ban.BanList;
import dev.pincer.inspection.ipfilter.IpListFiles;
import dev.pincer.inspection.ratelimit.RateStore;
import dev.pincer.inspection.shared.LimitMetrics;
import dev.pincer.inspection.shared.RedisLink;
import dev.pincer.inspection.rules.RuleMetrics;
import io.prometheus.client.CollectorRegistry;

/**
 * What the edge controls keep across config generations: the watchers of IP list files, the
 * rate-limit buckets, the bans, and the Redis link that shares the last two between instances. One
 * per server, created before the first {@link Protection} is compiled and closed once at shutdown,
 * after the last request; a reload compiles a new {@code Protection} against the same state, so a
 * ban or a half-spent token bucket survives it. {@code protection.bans.max_bans} and
 * {@code protection.redis} are read here, at start: changing them takes a restart.
 *
 * <p>Example: {@code EdgeState state = new EdgeState(config.protection(), registry); Protection p =
 * Protection.compile(config, state); ... state.close();}
 */
public final class EdgeState implements AutoCloseable {
    private final IpListFiles ipLists;
    private final RedisLink redis;
    private final RateStore rates;
    private final BanList bans;
    private final RuleMetrics ruleMetrics;
    private volatile boolean closed;

    /** State for tests and tools: no Redis, metrics registered nowhere. */
    public EdgeState() {
        this(ProtectionConfig.DEFAULT, null);
    }

    /**
     * @param registry where the bans, tracked-keys and Redis-fallback metrics go; null for nowhere
     * @throws IllegalStateException when {@code protection.redis.password_env} names an unset variable
     */
    public EdgeState(ProtectionConfig config, CollectorRegistry registry) {
        LimitMetrics metrics = registry == null ? LimitMetrics.unregistered() : new LimitMetrics(registry);
        this.ipLists = new IpListFiles();
        this.redis = config.redis() == null ? null : RedisLink.open(config.redis(), metrics);
        this.rates = new RateStore(redis, metrics);
        this.bans = new BanList(config.bans().maxBans(), redis, metrics);
        this.ruleMetrics = registry == null ? RuleMetrics.unregistered() : new RuleMetrics(registry);
    }

    /** The rule engine's metrics, shared by every generation's rule set. */
    public RuleMetrics ruleMetrics() {
        return ruleMetrics;
    }

    public IpListFiles ipLists() {
        return ipLists;
    }

    public RateStore rates() {
        return rates;
    }

    /** The bans: read by the ban participant, listed and lifted by the admin endpoints. */
    public BanList bans() {
        return bans;
    }

    /** True once {@link #close} ran; a compile against a closed state is refused. */
    public boolean closed() {
        return closed;
    }

    /** Stops background work and drops the state; idempotent, never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ipLists.close();
        bans.close();
        rates.close();
        if (redis != null) {
            redis.close();
        }
    }
}
