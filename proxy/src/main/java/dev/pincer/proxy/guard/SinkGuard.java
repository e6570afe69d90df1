package dev.pincer.proxy.guard;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteConfig;
import dev.pincer.correlator.Correlator;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.xss.XssAnalyzer;
import dev.pincer.inspection.body.BodyBuffer;
import dev.pincer.inspection.body.BodyViews;
import dev.pincer.inspection.hint.InputHint;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.request.BodyPrefix;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.InspectionLimits;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The proxy's side of sink correlation, one per server: turns each forwarded request into a
 * request context in the {@link Correlator} (its inputs, from {@code inspection}) and hands the
 * exchange a {@link RequestGuard} that signs the context header, feeds the body prefix, applies
 * the route's policy to a request inspection could not represent whole, and says whether a sink
 * blocked the request. Inspection runs with {@link InspectionLimits#DEFAULT} widened so that a
 * whole body of {@code body_prefix_bytes} fits in one value.
 */
public final class SinkGuard implements AutoCloseable {
    private final Correlator correlator;
    private final XssAnalyzer xss = new XssAnalyzer();
    private volatile InputExtractor extractor;
    private volatile ProtectionConfig protection;

    private SinkGuard(Correlator correlator, ProtectionConfig protection) {
        this.correlator = correlator;
        this.protection = protection;
        this.extractor = extractor(protection);
    }

    /** Values long enough for a whole body of {@code body_prefix_bytes}: a raw body is one value. */
    private static InputExtractor extractor(ProtectionConfig protection) {
        return new InputExtractor(InspectionLimits.DEFAULT.forBody(protection.bodyPrefixBytes()));
    }

    /**
     * Starts the correlator (which builds and warms its own analyzers) and its sensor server.
     *
     * @param protection the policy's settings: mode, incomplete-request policy, {@code on_analysis_limit},
     *                   {@code body_prefix_bytes}
     * @throws IOException when the exec baseline cannot be read or does not parse (the message names
     *                     file and line)
     */
    public static SinkGuard start(CorrelatorConfig config, ProtectionConfig protection, CollectorRegistry registry)
            throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(protection, "protection");
        return new SinkGuard(Correlator.start(config, protection, registry), protection);
    }

    public Correlator correlator() {
        return correlator;
    }

    /**
     * Applies what a reload may change without a restart: the correlator rebuilds its analyzers
     * (allowlist, exec policy, baseline, deserialization); when the new baseline cannot be read,
     * nothing changes and this throws.
     */
    public void reconfigure(CorrelatorConfig next, ProtectionConfig nextProtection) throws IOException {
        correlator.reconfigure(next, nextProtection);
        extractor = extractor(nextProtection);
        protection = nextProtection;
    }

    /**
     * {@link #open(HttpRequest, RequestHead, RequestInputs, String, String, String, boolean,
     * RouteConfig.Incomplete, ProxyMetrics)} for a request of {@code route}: its incomplete-request
     * policy, and its own {@code protection.mode} (if any) carried on the context, so the correlator
     * judges the request's sink checks in that mode and the response check uses it too.
     */
    public RequestGuard open(HttpRequest head, RequestHead model, RequestInputs inputs, String requestId,
                             String clientIp, String path, boolean bodyExpected, RouteConfig route,
                             ProxyMetrics metrics) {
        return open(head, model, inputs, requestId, clientIp, path, bodyExpected, route.incomplete(),
                route.protection().mode(), metrics);
    }

    /** {@link #open(HttpRequest, RequestHead, RequestInputs, String, String, String, boolean, RouteConfig, ProxyMetrics)}, extracting the head itself: for tests and tools. */
    public RequestGuard open(HttpRequest head, String requestId, String clientIp, String path, boolean bodyExpected,
                             RouteConfig route, ProxyMetrics metrics) {
        RequestHead model = model(head);
        return open(head, model, extractHead(model), requestId, clientIp, path, bodyExpected, route, metrics);
    }

    /** The same with only an incomplete-request policy and the global mode: for tests and tools. */
    public RequestGuard open(HttpRequest head, String requestId, String clientIp, String path, boolean bodyExpected,
                             RouteConfig.Incomplete policy, ProxyMetrics metrics) {
        RequestHead model = model(head);
        return open(head, model, extractHead(model), requestId, clientIp, path, bodyExpected, policy, null, metrics);
    }

    /**
     * The inputs of a request's head, with this correlator's limits: the object the request's
     * transaction and its context share ({@link #open}).
     */
    public RequestInputs extractHead(RequestHead model) {
        return extractor.extract(model, null);
    }

    /**
     * Opens the context of one request, before any of its body is seen. {@code head} is the
     * request as the client sent it (before forwarding rewrites), {@code model} the same as
     * inspection's model and {@code inputs} what {@link #extractHead} made of it (extracted once
     * per request: the edge transaction holds the same object); {@code bodyExpected} says whether
     * a body follows; {@code policy} is the route's for an incomplete request, {@code routeMode}
     * the route's own mode or null. The guard's {@link RequestGuard#rejection()} is already set
     * when the head alone is incomplete, or a declared {@code Content-Length} is over the body
     * limit (except for multipart bodies, whose file contents do not count), under {@code reject}.
     *
     * @param metrics where the incomplete count goes; null in tests that do not look
     */
    private RequestGuard open(HttpRequest head, RequestHead model, RequestInputs inputs, String requestId,
                              String clientIp, String path, boolean bodyExpected, RouteConfig.Incomplete policy,
                              ProtectionConfig.Mode routeMode, ProxyMetrics metrics) {
        RequestContext ctx = correlator.contexts().open(requestId, clientIp, head.method().name(), path, inputs,
                routeMode);
        int hint = InputHint.of(inputs, bodyExpected);
        int limit = protection.bodyPrefixBytes();
        List<String> types = head.headers().getAll(HttpHeaderNames.CONTENT_TYPE);
        BodyBuffer body = bodyExpected ? BodyBuffer.of(types.size() == 1 ? types.get(0) : null, limit) : null;
        Incidents incidents = new Incidents(metrics, requestId, clientIp, head.method().name(), path);
        RequestGuard guard = new RequestGuard(this, ctx, model, correlator.headerValue(ctx, hint), policy, incidents,
                body, limit);
        boolean reject = policy == RouteConfig.Incomplete.REJECT;
        if (reject && body != null && !body.filtersFiles() && HttpUtil.getContentLength(head, -1L) > limit) {
            // 413 before any upstream connection; a suspect request is inspected by its prefix instead
            EnumSet<Truncation> why = EnumSet.of(Truncation.BODY);
            why.addAll(inputs.truncations());
            guard.incomplete(new RequestInputs(inputs.inputs(), inputs.bodyMalformed(), why));
            return guard;
        }
        if (body == null || reject) {
            guard.incomplete(inputs); // final now; a suspect body-carrying request reports when its body is seen
        }
        return guard;
    }

    RequestInputs extract(RequestHead head, byte[] prefix, boolean complete, BodyViews views) {
        return extractor.extract(head, new BodyPrefix(prefix, complete), views);
    }

    ResponseGuard responseGuard(RequestContext ctx, int prefix, ResponseText text, ProxyMetrics metrics) {
        ProtectionConfig p = protection;
        return new ResponseGuard(xss, ctx, ctx.mode() != null ? ctx.mode() : p.mode(), p.onAnalysisLimit(), metrics,
                prefix, text);
    }

    void close(RequestContext ctx) {
        correlator.contexts().close(ctx.id());
    }

    /** Inspection's model of a request head: method, target and header fields as received. */
    public static RequestHead model(HttpRequest head) {
        List<HeaderField> headers = new ArrayList<>(head.headers().size());
        for (Map.Entry<String, String> h : head.headers()) {
            headers.add(new HeaderField(h.getKey(), h.getValue()));
        }
        return new RequestHead(head.method().name(), head.uri(), headers, head.protocolVersion().text());
    }

    @Override
    public void close() {
        correlator.close();
    }
}
