package dev.pincer.proxy.log;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON object per request on SLF4J logger {@code pincer.access} (the bundled logback config
 * sends it, unadorned and asynchronously, to standard output). Fields: time, request_id,
 * client_ip, method, path, protocol, status, bytes_in, bytes_out, duration_ms, route, upstream,
 * server. The path is logged without its query string, which often carries secrets.
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("pincer.access");

    private AccessLog() {
    }

    public static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    /** Everything one line says; built by the exchange when the response is done. */
    public record Entry(String requestId, String clientIp, String method, String path, String protocol,
                        int status, long bytesIn, long bytesOut, long durationNanos, String route,
                        String upstream, String server) {
    }

    public static void write(Entry e) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"time\":\"").append(Instant.now()).append('"');
        sb.append(",\"request_id\":");
        Json.quote(sb, e.requestId());
        sb.append(",\"client_ip\":");
        Json.quote(sb, e.clientIp());
        sb.append(",\"method\":");
        Json.quote(sb, e.method());
        sb.append(",\"path\":");
        Json.quote(sb, e.path());
        sb.append(",\"protocol\":");
        Json.quote(sb, e.protocol());
        sb.append(",\"status\":").append(e.status());
        sb.append(",\"bytes_in\":").append(e.bytesIn());
        sb.append(",\"bytes_out\":").append(e.bytesOut());
        sb.append(",\"duration_ms\":").append(Math.round(e.durationNanos() / 1000.0) / 1000.0);
        sb.append(",\"route\":");
        Json.quote(sb, e.route());
        sb.append(",\"upstream\":");
        Json.quote(sb, e.upstream());
        sb.append(",\"server\":");
        Json.quote(sb, e.server());
        sb.append('}');
        LOG.info(sb.toString());
    }
}
