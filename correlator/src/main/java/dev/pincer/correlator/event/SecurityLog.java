package dev.pincer.correlator.event;

import dev.pincer.inspection.input.Truncation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes security events, one JSON object per line, at INFO on SLF4J logger {@code pincer.security}
 * (the proxy's logback config routes it, asynchronously, so an event loop never waits on output).
 */
public final class SecurityLog {
    public static final String LOGGER = "pincer.security";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private SecurityLog() {
    }

    /** One {@code sink_verdict} event. */
    public static void sinkVerdict(SecurityEvent e) {
        if (LOG.isInfoEnabled()) {
            LOG.info(e.toJson());
        }
    }

    /**
     * A sensor's REPORT: sink calls it decided without a verdict. {@code event} is
     * {@code sensor_fail_open} when any call ran unchecked, else {@code sensor_fail_closed}.
     */
    public static void sensorReport(Instant ts, String sensor, String app, long failOpen, long failClosed,
                                    long timeouts) {
        if (LOG.isInfoEnabled()) {
            LOG.info(reportJson(ts, sensor, app, failOpen, failClosed, timeouts));
        }
    }

    static String reportJson(Instant ts, String sensor, String app, long failOpen, long failClosed, long timeouts) {
        boolean open = failOpen > 0;
        StringBuilder sb = new StringBuilder(192);
        sb.append("{\"ts\":\"").append(ts).append('"');
        sb.append(",\"event\":\"").append(open ? "sensor_fail_open" : "sensor_fail_closed").append('"');
        sb.append(",\"action\":\"").append(open ? "fail_open" : "fail_closed").append('"');
        sb.append(",\"sensor\":");
        Json.quote(sb, sensor);
        sb.append(",\"app\":");
        Json.quote(sb, app);
        sb.append(",\"fail_open\":").append(failOpen);
        sb.append(",\"fail_closed\":").append(failClosed);
        sb.append(",\"timeouts\":").append(timeouts);
        return sb.append('}').toString();
    }

    /**
     * One {@code incomplete_request} event: inspection could not represent the whole request (the
     * {@code reasons} say which bounds cut it), and the route's policy {@code action} was applied:
     * {@code reject} (answered {@code status} locally, never forwarded) or {@code suspect}
     * (forwarded; its sinks are also judged by their argument alone; {@code status} is 0).
     */
    public static void incompleteRequest(Instant ts, String requestId, String contextId, String clientIp,
                                         String method, String path, Set<Truncation> reasons, String action,
                                         int status) {
        if (LOG.isInfoEnabled()) {
            LOG.info(incompleteJson(ts, requestId, contextId, clientIp, method, path, reasons, action, status));
        }
    }

    static String incompleteJson(Instant ts, String requestId, String contextId, String clientIp, String method,
                                 String path, Set<Truncation> reasons, String action, int status) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"ts\":\"").append(ts).append('"');
        sb.append(",\"event\":\"incomplete_request\"");
        sb.append(",\"action\":");
        Json.quote(sb, action);
        sb.append(",\"request_id\":");
        Json.quote(sb, requestId);
        sb.append(",\"context_id\":");
        Json.quote(sb, contextId);
        sb.append(",\"client_ip\":");
        Json.quote(sb, clientIp);
        sb.append(",\"method\":");
        Json.quote(sb, method);
        sb.append(",\"path\":");
        Json.quote(sb, Json.truncate(path, 512));
        List<String> labels = new ArrayList<>(reasons.size());
        for (Truncation t : reasons) {
            labels.add(t.label());
        }
        sb.append(",\"reasons\":");
        Json.array(sb, labels);
        sb.append(",\"status\":");
        sb.append(status == 0 ? "null" : Integer.toString(status));
        return sb.append('}').toString();
    }
}
