package dev.pincer.correlator.event;

import java.time.Instant;
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
}
