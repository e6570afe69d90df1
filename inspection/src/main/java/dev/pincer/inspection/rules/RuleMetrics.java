package dev.pincer.inspection.rules;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule engine's metrics, registered once per process and shared by every generation's rule
 * set: {@code pincer_rule_hits_total{rule}} (each rule or chain that matched, blocking or not),
 * {@code pincer_rule_blocks_total{attack_class}} (requests the rules blocked, by the classes of
 * their findings), {@code pincer_rule_anomaly_score} (CRS's blocking inbound anomaly score per
 * inspected request) and {@code pincer_rule_incomplete_total} (requests the engine could not fully
 * judge, by reason: {@code budget}, {@code body} beyond what it inspects, {@code rbl},
 * {@code regex} and {@code regex_pattern} for a value an operator could not judge,
 * {@code response_body}).
 */
public final class RuleMetrics {
    final Counter hits;
    /** {@link #hits}' child per rule id, looked up once per id: a request has dozens of matches. */
    private final ConcurrentHashMap<Long, Counter.Child> hitsByRule = new ConcurrentHashMap<>();
    final Counter blocks;
    final Histogram score;
    final Counter incomplete;

    public RuleMetrics(CollectorRegistry registry) {
        hits = Counter.build("pincer_rule_hits_total", "Rules (and chains) that matched, by rule id.")
                .labelNames("rule").register(registry);
        blocks = Counter.build("pincer_rule_blocks_total", "Requests the rule engine blocked, by attack class.")
                .labelNames("attack_class").register(registry);
        score = Histogram.build("pincer_rule_anomaly_score", "CRS's blocking inbound anomaly score per request.")
                .buckets(0, 2, 3, 4, 5, 8, 10, 15, 20, 30, 50).register(registry);
        incomplete = Counter.build("pincer_rule_incomplete_total",
                "Requests the rule engine could not fully judge, by reason.").labelNames("reason").register(registry);
    }

    /** Counts a match of rule {@code id} in {@code pincer_rule_hits_total}. */
    void hit(long id) {
        Counter.Child c = hitsByRule.get(id);
        if (c == null) {
            c = hitsByRule.computeIfAbsent(id, k -> hits.labels(Long.toString(k)));
        }
        c.inc();
    }

    /** Metrics registered nowhere, for tests and tools. */
    public static RuleMetrics unregistered() {
        return new RuleMetrics(new CollectorRegistry());
    }
}
