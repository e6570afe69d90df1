package dev.pincer.inspection.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

/** The four metrics exist under their documented names and read their owners when scraped. */
class LimitMetricsTest {
    @Test
    void registeredWithTheirNames() {
        CollectorRegistry r = new CollectorRegistry();
        LimitMetrics m = new LimitMetrics(r);
        m.bansActive(() -> 3);
        m.trackedKeys(() -> 7);
        m.banStarted();
        m.redisFallback();
        m.redisFallback();
        assertEquals(3.0, r.getSampleValue("pincer_bans_active"));
        assertEquals(7.0, r.getSampleValue("pincer_rate_limit_tracked_keys"));
        assertEquals(1.0, r.getSampleValue("pincer_bans_total"));
        assertEquals(2.0, r.getSampleValue("pincer_redis_fallback_total"));
    }
}
