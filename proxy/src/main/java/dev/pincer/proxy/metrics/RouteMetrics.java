package dev.pincer.proxy.metrics;

import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;

/**
 * The per-request metrics of one route, with the label lookups done once: the duration histogram
 * child, and the request counter children by method class and status class, filled as they are
 * first used. Safe to share across event loops (a benign race fills a slot twice with the same
 * child).
 */
public final class RouteMetrics {
    private static final String[] METHODS = {
        "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT", "OTHER"};
    private static final int STATUS_CLASSES = 5;

    private final ProxyMetrics metrics;
    private final String route;
    private final Histogram.Child duration;
    private final Counter.Child[] requests = new Counter.Child[METHODS.length * STATUS_CLASSES];

    public RouteMetrics(ProxyMetrics metrics, String route) {
        this.metrics = metrics;
        this.route = route;
        this.duration = metrics.requestDuration.labels(route);
    }

    /** The route's label value. */
    public String route() {
        return route;
    }

    /** One answered request. */
    public void record(String method, int status, long durationNanos) {
        int m = methodIndex(method);
        int s = Math.max(0, Math.min(STATUS_CLASSES - 1, status / 100 - 1));
        int slot = m * STATUS_CLASSES + s;
        Counter.Child c = requests[slot];
        if (c == null) {
            c = metrics.requests.labels(route, METHODS[m], ProxyMetrics.statusClass(status));
            requests[slot] = c;
        }
        c.inc();
        duration.observe(durationNanos / 1e9);
    }

    private static int methodIndex(String method) {
        String folded = ProxyMetrics.methodClass(method);
        for (int i = 0; i < METHODS.length; i++) {
            if (METHODS[i].equals(folded)) {
                return i;
            }
        }
        return METHODS.length - 1;
    }
}
