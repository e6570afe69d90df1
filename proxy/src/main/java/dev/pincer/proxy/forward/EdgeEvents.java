package dev.pincer.proxy.forward;

import dev.pincer.inspection.transaction.AnomalyScore;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.proxy.log.Json;
import dev.pincer.proxy.metrics.ProxyMetrics;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the proxy says about an edge transaction's outcome: one {@code edge_finding} security
 * event per blocked or flagged request, in the {@code pincer.security} logger next to the
 * correlator's {@code sink_verdict} and {@code incomplete_request} events, and, for a block, one
 * count of {@code pincer_edge_blocks_total{control}} for the control that blocked.
 *
 * <p>A block is logged when it happens. A suspect (a finding the sink is to confirm) is logged once,
 * when the request ends, with what became of it: {@code "outcome": "confirmed"} (a sink verdict
 * blocked it), {@code "cleared"} (the app answered and no sink blocked), {@code "blocked"} (a later
 * edge phase blocked it, with an event of its own) or {@code "aborted"} (the client or the upstream
 * went away first).
 *
 * <p>Each finding lists its rule id, message, tags, the matched variable and an excerpt of the
 * matched data; {@code anomaly_score} holds the rule engine's inbound and outbound totals (null
 * without rules). Example line: {@code {"ts":"...","event":"edge_finding","action":"block",
 * "outcome":null,"control":"rules","attack_class":"xss","rule_id":"941100","message":"XSS Attack
 * Detected via libinjection","rule_ids":["941100","949110"],"findings":[{"control":"rules",
 * "attack_class":"xss","rule_id":"941100","message":"...","tags":["attack-xss",...],
 * "variable":"ARGS:q","data":"<script>alert(1)</script>","score":5}],
 * "anomaly_score":{"inbound":10,"outbound":0},"request_id":"4f..","client_ip":"203.0.113.7",
 * "method":"GET","path":"/search","status":403}}.
 */
final class EdgeEvents {
    static final String LOGGER = "pincer.security";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** Findings listed per event; the rest are counted in {@code findings_omitted}. */
    static final int MAX_FINDINGS = 32;
    private static final int MAX_TAGS = 16;
    private static final int MAX_TEXT = 512;
    private static final int MAX_DATA = 256;

    private EdgeEvents() {
    }

    /** The request's facts an event names. */
    record Request(String id, String clientIp, String method, String path) {
    }

    /**
     * Logs a block and counts it; {@code cut} says it came after the response had started: the
     * client got part of the app's answer and then a closed connection, so the event says
     * {@code "action": "cut"} (status null), not a block with a status nobody was sent.
     */
    static void blocked(ProxyMetrics metrics, Outcome outcome, boolean cut, AnomalyScore score, Request r) {
        metrics.edgeBlocks.labels(outcome.findings().get(0).control()).inc();
        if (LOG.isInfoEnabled()) {
            LOG.info(json(Instant.now(), cut ? "cut" : "block", null, outcome.findings(), score, r,
                    cut ? null : outcome.status()));
        }
    }

    /**
     * Logs the findings a request was marked suspect for, once it ended: {@code outcome} says what
     * became of it, {@code status} what the client was sent (null when nothing was).
     */
    static void suspectEnded(List<Finding> findings, String outcome, AnomalyScore score, Request r, Integer status) {
        if (LOG.isInfoEnabled() && !findings.isEmpty()) {
            LOG.info(json(Instant.now(), "suspect", outcome, findings, score, r, status));
        }
    }

    /**
     * Logs what a step found but the mode only observes (monitor): {@code "action": "monitor"},
     * never counted as a block, because nothing was blocked.
     */
    static void observed(Outcome outcome, AnomalyScore score, Request r) {
        if (LOG.isInfoEnabled()) {
            LOG.info(json(Instant.now(), "monitor", null, outcome.findings(), score, r, null));
        }
    }

    static String json(Instant ts, String action, String outcome, List<Finding> findings, AnomalyScore score,
                       Request r, Integer status) {
        Finding first = findings.get(0);
        StringBuilder sb = new StringBuilder(320 + 256 * Math.min(findings.size(), 4));
        sb.append("{\"ts\":\"").append(ts).append('"');
        sb.append(",\"event\":\"edge_finding\"");
        sb.append(",\"action\":\"").append(action).append('"');
        sb.append(",\"outcome\":");
        Json.quote(sb, outcome);
        sb.append(",\"control\":");
        Json.quote(sb, first.control());
        sb.append(",\"attack_class\":");
        Json.quote(sb, first.attackClass().label());
        sb.append(",\"rule_id\":");
        Json.quote(sb, first.ruleId());
        sb.append(",\"message\":");
        Json.quote(sb, truncate(first.message(), MAX_TEXT));
        sb.append(",\"rule_ids\":");
        strings(sb, ruleIds(findings), Integer.MAX_VALUE);
        sb.append(",\"findings\":[");
        int listed = Math.min(findings.size(), MAX_FINDINGS);
        for (int i = 0; i < listed; i++) {
            if (i > 0) {
                sb.append(',');
            }
            finding(sb, findings.get(i));
        }
        sb.append(']');
        if (findings.size() > listed) {
            sb.append(",\"findings_omitted\":").append(findings.size() - listed);
        }
        sb.append(",\"anomaly_score\":");
        if (score == null) {
            sb.append("null");
        } else {
            sb.append("{\"inbound\":").append(score.inbound()).append(",\"outbound\":").append(score.outbound())
                    .append('}');
        }
        sb.append(",\"request_id\":");
        Json.quote(sb, r.id());
        sb.append(",\"client_ip\":");
        Json.quote(sb, r.clientIp());
        sb.append(",\"method\":");
        Json.quote(sb, r.method());
        sb.append(",\"path\":");
        Json.quote(sb, truncate(r.path(), MAX_TEXT));
        sb.append(",\"status\":").append(status == null ? "null" : status.toString());
        return sb.append('}').toString();
    }

    private static void finding(StringBuilder sb, Finding f) {
        sb.append("{\"control\":");
        Json.quote(sb, f.control());
        sb.append(",\"attack_class\":");
        Json.quote(sb, f.attackClass().label());
        sb.append(",\"rule_id\":");
        Json.quote(sb, f.ruleId());
        sb.append(",\"message\":");
        Json.quote(sb, truncate(f.message(), MAX_TEXT));
        sb.append(",\"tags\":");
        strings(sb, f.tags(), MAX_TAGS);
        sb.append(",\"variable\":");
        Json.quote(sb, truncate(f.variable(), MAX_DATA));
        sb.append(",\"data\":");
        Json.quote(sb, truncate(f.data(), MAX_DATA));
        sb.append(",\"score\":").append(f.score());
        sb.append('}');
    }

    private static void strings(StringBuilder sb, List<String> values, int max) {
        sb.append('[');
        for (int i = 0; i < values.size() && i < max; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Json.quote(sb, truncate(values.get(i), MAX_DATA));
        }
        sb.append(']');
    }

    /** The rule ids of every finding that has one, in order: what the sinks are told of a suspect. */
    static List<String> ruleIds(List<Finding> findings) {
        List<String> ids = new java.util.ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.ruleId() != null) {
                ids.add(f.ruleId());
            }
        }
        return ids;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
