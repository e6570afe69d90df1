package dev.pincer.proxy.forward;

import dev.pincer.config.RouteConfig;
import dev.pincer.proxy.log.AccessLog;
import dev.pincer.proxy.metrics.RouteMetrics;
import dev.pincer.proxy.routing.Routing;
import dev.pincer.proxy.upstream.UpstreamGroup;

/**
 * What one exchange records when it ends: the route's request count and duration, and the access
 * log line. Holds the request's identity as it was received, so the line names the client's
 * method and path whatever forwarding rewrote.
 *
 * <p>Example: {@code GET /a?x=1} answered 200 logs path {@code /a} (the query is never logged).
 */
final class RequestLog {
    final String requestId;
    final String clientIp;
    final String method;
    final String path;
    final String protocol;
    private final long startNanos = System.nanoTime();

    RequestLog(String requestId, String clientIp, String method, String uri, String protocol) {
        this.requestId = requestId;
        this.clientIp = clientIp;
        this.method = method;
        int q = uri.indexOf('?');
        this.path = q >= 0 ? uri.substring(0, q) : uri;
        this.protocol = protocol;
    }

    /** Records the request once, at its end; {@code route}, {@code group}, {@code server} may be null. */
    void record(Routing routing, RouteConfig route, UpstreamGroup group, String server, int status, long bytesIn,
                long bytesOut) {
        RouteMetrics rm = routing.metrics(route);
        long nanos = System.nanoTime() - startNanos;
        rm.record(method, status, nanos);
        if (routing.config().accessLog() && AccessLog.enabled()) {
            AccessLog.write(new AccessLog.Entry(requestId, clientIp, method, path, protocol, status, bytesIn,
                    bytesOut, nanos, route == null ? null : rm.route(), group == null ? null : group.name(), server));
        }
    }
}
