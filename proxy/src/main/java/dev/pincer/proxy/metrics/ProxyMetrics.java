package dev.pincer.proxy.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.hotspot.DefaultExports;

/**
 * Every metric the proxy exports, all prefixed {@code pincer_}. One instance per running server,
 * registered in its own {@link CollectorRegistry} so that tests can run several servers in a JVM.
 *
 * <p>Label values are bounded: routes and upstreams come from the config, methods are folded into
 * a fixed set ({@link #methodClass}), statuses into classes ({@code 2xx}), reasons are enum labels.
 */
public final class ProxyMetrics {
    private static final double[] LATENCY_BUCKETS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final CollectorRegistry registry;
    public final Counter requests;
    public final Histogram requestDuration;
    public final Histogram upstreamDuration;
    public final Gauge activeConnections;
    public final Gauge poolConnections;
    public final Counter rejected;
    public final Counter upstreamErrors;
    public final Counter configReloads;
    public final Counter bytesReceived;
    public final Counter bytesSent;
    public final Counter blocked;
    public final Counter incomplete;
    public final Counter droppedHeaders;
    public final Counter upstreamHealthChanges;
    public final Gauge upstreamQueueDepth;
    public final Counter upstreamQueue;
    public final Counter edgeBlocks;
    public final Counter bodySpooledBytes;
    public final Counter bodySpooledRequests;
    public final Gauge bodySpoolBytes;
    public final Counter bodySpoolRefused;

    public ProxyMetrics(boolean jvmMetrics) {
        registry = new CollectorRegistry(true);
        requests = Counter.build("pincer_requests_total",
                "Requests answered, by route, method class and status class.")
                .labelNames("route", "method", "status").register(registry);
        requestDuration = Histogram.build("pincer_request_duration_seconds",
                "Time from request head received to response fully sent.")
                .labelNames("route").buckets(LATENCY_BUCKETS).register(registry);
        upstreamDuration = Histogram.build("pincer_upstream_duration_seconds",
                "Time from request head written upstream to response head received.")
                .labelNames("upstream").buckets(LATENCY_BUCKETS).register(registry);
        activeConnections = Gauge.build("pincer_active_connections",
                "Open client connections, by listener.").labelNames("listener").register(registry);
        poolConnections = Gauge.build("pincer_upstream_pool_connections",
                "Upstream connections by upstream, server and state (in_use, idle).")
                .labelNames("upstream", "server", "state").register(registry);
        rejected = Counter.build("pincer_rejected_requests_total",
                "Requests refused at the edge before reaching an upstream, by reason.")
                .labelNames("reason").register(registry);
        upstreamErrors = Counter.build("pincer_upstream_errors_total",
                "Upstream failures by upstream and kind (connect, timeout, reset, pool_exhausted).")
                .labelNames("upstream", "kind").register(registry);
        configReloads = Counter.build("pincer_config_reloads_total",
                "Configuration reloads by outcome (success, failure).")
                .labelNames("outcome").register(registry);
        bytesReceived = Counter.build("pincer_client_received_bytes_total",
                "Bytes read from client connections (on the wire, TLS included).").register(registry);
        bytesSent = Counter.build("pincer_client_sent_bytes_total",
                "Bytes written to client connections (on the wire, TLS included).").register(registry);
        blocked = Counter.build("pincer_blocked_requests_total",
                "Requests whose response Pincer replaced with a 403 (or cut), by where the attack was confirmed:"
                        + " sink (the sink was stopped before it ran), sink_late (the block verdict came after the"
                        + " sensor stopped waiting: the sink ran), response (an HTML response reflected an input as"
                        + " markup: replaced), response_late (the same past the judged prefix: cut).")
                .labelNames("stage").register(registry);
        blocked.labels("sink");
        blocked.labels("sink_late");
        blocked.labels("response");
        blocked.labels("response_late");
        incomplete = Counter.build("pincer_incomplete_requests_total",
                "Requests inspection could not represent whole, by the first bound that cut them (body, count,"
                        + " length, depth, encoding) and the route's policy (reject, suspect).")
                .labelNames("reason", "action").register(registry);
        droppedHeaders = Counter.build("pincer_dropped_headers_total",
                "Request header fields Pincer removed before inspection and forwarding, by reason (underscore).")
                .labelNames("reason").register(registry);
        droppedHeaders.labels("underscore");
        upstreamHealthChanges = Counter.build("pincer_upstream_health_changes_total",
                "Passive-health state changes of upstream servers (down, up, kept_as_last: failing but the last usable).")
                .labelNames("upstream", "server", "to").register(registry);
        upstreamQueueDepth = Gauge.build("pincer_upstream_queue_depth",
                "Requests waiting for a connection to a full upstream server.")
                .labelNames("upstream", "server").register(registry);
        upstreamQueue = Counter.build("pincer_upstream_queue_total",
                "Waits for a connection to a full upstream server, by outcome (served; full, timeout: answered 503).")
                .labelNames("upstream", "server", "outcome").register(registry);
        edgeBlocks = Counter.build("pincer_edge_blocks_total",
                "Requests an edge control answered itself (before or instead of the app), by control"
                        + " (ip_filter, ban, rate_limit, upload, rules).")
                .labelNames("control").register(registry);
        bodySpooledBytes = Counter.build("pincer_body_spooled_bytes_total",
                "Request body bytes held for inspection that were written to a spool file (past limits.body_memory_bytes).")
                .register(registry);
        bodySpooledRequests = Counter.build("pincer_body_spooled_requests_total",
                "Requests whose held body was spooled to a file.").register(registry);
        bodySpoolBytes = Gauge.build("pincer_body_spool_bytes",
                "Bytes in spool files now, all requests together (at most limits.body_spool_max_bytes).")
                .register(registry);
        bodySpoolRefused = Counter.build("pincer_body_spool_refused_total",
                "Requests answered 503 because their held body could not be spooled, by reason (cap: the global"
                        + " limits.body_spool_max_bytes was reached; io: the spool directory failed).")
                .labelNames("reason").register(registry);
        bodySpoolRefused.labels("cap");
        bodySpoolRefused.labels("io");
        configReloads.labels("success");
        configReloads.labels("failure");
        if (jvmMetrics) {
            DefaultExports.register(registry);
        }
    }

    public CollectorRegistry registry() {
        return registry;
    }

    /** Folds a method into a bounded label value: the RFC 9110 methods and PATCH, else {@code OTHER}. */
    public static String methodClass(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT" -> method;
            default -> "OTHER";
        };
    }

    /** {@code 1xx} .. {@code 5xx}. */
    public static String statusClass(int status) {
        return switch (status / 100) {
            case 1 -> "1xx";
            case 2 -> "2xx";
            case 3 -> "3xx";
            case 4 -> "4xx";
            default -> "5xx";
        };
    }
}
