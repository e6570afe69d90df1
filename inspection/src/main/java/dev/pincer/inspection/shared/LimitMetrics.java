package dev.pincer.inspection.shared;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import java.util.function.LongSupplier;

/**
 * The metrics of the rate limits, the bans and the Redis link, registered once in the server's
 * registry: {@code pincer_bans_active}, {@code pincer_bans_total}, {@code pincer_rate_limit_tracked_keys},
 * {@code pincer_redis_fallback_total}. The gauges read their owners when scraped.
 *
 * <p>Example: {@code new LimitMetrics(registry)}, then pass it to the {@code RedisLink}, the
 * {@code RateStore} and the {@code BanList}.
 */
public final class LimitMetrics {
    private final Counter bansTotal;
    private final Counter redisFallback;
    private volatile LongSupplier bansActive = () -> 0;
    private volatile LongSupplier trackedKeys = () -> 0;

    public LimitMetrics(CollectorRegistry registry) {
        bansTotal = Counter.build("pincer_bans_total", "Bans this instance started (automatic).").register(registry);
        redisFallback = Counter.build("pincer_redis_fallback_total",
                "Rate-limit and ban operations decided on local state because Redis was unreachable.")
                .register(registry);
        gauge(registry, "pincer_bans_active", "Clients banned now.", () -> bansActive);
        gauge(registry, "pincer_rate_limit_tracked_keys", "Rate-limit buckets held in memory.", () -> trackedKeys);
    }

    /** Metrics registered nowhere, for tests and tools. */
    public static LimitMetrics unregistered() {
        return new LimitMetrics(new CollectorRegistry());
    }

    private static void gauge(CollectorRegistry registry, String name, String help,
                              java.util.function.Supplier<LongSupplier> source) {
        Gauge g = Gauge.build(name, help).create();
        g.setChild(new Gauge.Child() {
            @Override
            public double get() {
                return source.get().getAsLong();
            }
        });
        g.register(registry);
    }

    public void banStarted() {
        bansTotal.inc();
    }

    public void redisFallback() {
        redisFallback.inc();
    }

    public double bansTotal() {
        return bansTotal.get();
    }

    public double redisFallbacks() {
        return redisFallback.get();
    }

    public void bansActive(LongSupplier s) {
        bansActive = s;
    }

    public void trackedKeys(LongSupplier s) {
        trackedKeys = s;
    }
}
