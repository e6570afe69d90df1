package dev.pincer.proxy.forward;

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
 * event per blocking or suspect outcome, in the {@code pincer.security} logger next to the
 * correlator's {@code sink_verdict} and {@code incomplete_request} events, and, for a block, one
 * count of {@code pincer_edge_blocks_total{control}} for the control that blocked.
 *
 * <p>Example line: {@code {"ts":"...","event":"edge_finding","action":"block","control":"ip_filter",
 * "attack_class":"access","rule_id":null,"message":"203.0.113.7 is denied","rule_ids":[],
 * "request_id":"4f..","client_ip":"203.0.113.7","method":"GET","path":"/admin","status":403}}.
 */
final class EdgeEvents {
    static final String LOGGER = "pincer.security";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private EdgeEvents() {
    }

    /** Logs {@code outcome} (a block or a suspect) and counts a block. */
    static void report(ProxyMetrics metrics, Outcome outcome, String requestId, String clientIp, String method,
                       String path) {
        report(metrics, outcome, false, requestId, clientIp, method, path);
    }

    /**
     * As {@link #report(ProxyMetrics, Outcome, String, String, String, String)}; {@code cut} says a
     * block came after the response had started: the client got part of the app's answer and then
     * a closed connection, so the event says {@code "action": "cut"} (status null), not a block
     * with a status nobody was sent.
     */
    static void report(ProxyMetrics metrics, Outcome outcome, boolean cut, String requestId, String clientIp,
                       String method, String path) {
        Finding first = outcome.findings().get(0);
        if (outcome.blocks()) {
            metrics.edgeBlocks.labels(first.control()).inc();
        }
        if (LOG.isInfoEnabled()) {
            String action = !outcome.blocks() ? "suspect" : cut ? "cut" : "block";
            LOG.info(json(Instant.now(), outcome, action, requestId, clientIp, method, path));
        }
    }

    /**
     * Logs what a step found but the mode only observes (monitor): {@code "action": "monitor"},
     * never counted as a block, because nothing was blocked.
     */
    static void observed(Outcome outcome, String requestId, String clientIp, String method, String path) {
        if (LOG.isInfoEnabled()) {
            LOG.info(json(Instant.now(), outcome, "monitor", requestId, clientIp, method, path));
        }
    }

    static String json(Instant ts, Outcome outcome, String requestId, String clientIp, String method, String path) {
        return json(ts, outcome, outcome.blocks() ? "block" : "suspect", requestId, clientIp, method, path);
    }

    static String json(Instant ts, Outcome outcome, String action, String requestId, String clientIp,
                               String method, String path) {
        boolean block = action.equals("block");
        Finding first = outcome.findings().get(0);
        StringBuilder sb = new StringBuilder(320);
        sb.append("{\"ts\":\"").append(ts).append('"');
        sb.append(",\"event\":\"edge_finding\"");
        sb.append(",\"action\":\"").append(action).append('"');
        sb.append(",\"control\":");
        Json.quote(sb, first.control());
        sb.append(",\"attack_class\":");
        Json.quote(sb, first.attackClass().label());
        sb.append(",\"rule_id\":");
        Json.quote(sb, first.ruleId());
        sb.append(",\"message\":");
        Json.quote(sb, truncate(first.message(), 512));
        sb.append(",\"rule_ids\":[");
        List<String> ids = ruleIds(outcome);
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Json.quote(sb, ids.get(i));
        }
        sb.append("],\"request_id\":");
        Json.quote(sb, requestId);
        sb.append(",\"client_ip\":");
        Json.quote(sb, clientIp);
        sb.append(",\"method\":");
        Json.quote(sb, method);
        sb.append(",\"path\":");
        Json.quote(sb, truncate(path, 512));
        sb.append(",\"status\":").append(block ? Integer.toString(outcome.status()) : "null");
        return sb.append('}').toString();
    }

    /** The rule ids of every finding that has one, in order: what the sinks are told of a suspect. */
    static List<String> ruleIds(Outcome outcome) {
        List<String> ids = new java.util.ArrayList<>(outcome.findings().size());
        for (Finding f : outcome.findings()) {
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
