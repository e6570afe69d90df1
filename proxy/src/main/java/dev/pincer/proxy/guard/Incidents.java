package dev.pincer.proxy.guard;

import dev.pincer.config.RouteConfig.Incomplete;
import dev.pincer.correlator.event.SecurityLog;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.Set;

/**
 * What is said about one incomplete request: the {@code incomplete_request} security event and the
 * {@code pincer_incomplete_requests_total{reason,action}} count, once per request, and the status a
 * rejection answers with: 413 when the body was cut ({@link Truncation#BODY}), 400 otherwise.
 *
 * <p>Example: reasons {@code {COUNT}} under {@code reject} log {@code "action":"reject","status":400}
 * and count {@code reason="count",action="reject"}.
 */
final class Incidents {
    private final ProxyMetrics metrics;
    private final String requestId;
    private final String clientIp;
    private final String method;
    private final String path;
    private boolean reported;

    Incidents(ProxyMetrics metrics, String requestId, String clientIp, String method, String path) {
        this.metrics = metrics;
        this.requestId = requestId;
        this.clientIp = clientIp;
        this.method = method;
        this.path = path;
    }

    /** Reports once; returns the status to reject with, or null under {@code suspect}. */
    HttpResponseStatus incomplete(String contextId, Set<Truncation> reasons, Incomplete policy) {
        boolean reject = policy == Incomplete.REJECT;
        HttpResponseStatus status = !reject ? null
                : reasons.contains(Truncation.BODY) ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        if (!reported) {
            reported = true;
            String action = reject ? "reject" : "suspect";
            if (metrics != null) {
                metrics.incomplete.labels(reasons.iterator().next().label(), action).inc();
            }
            SecurityLog.incompleteRequest(Instant.now(), requestId, contextId, clientIp, method, path, reasons,
                    action, status == null ? 0 : status.code());
        }
        return status;
    }
}
