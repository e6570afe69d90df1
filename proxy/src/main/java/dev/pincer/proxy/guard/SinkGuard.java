package dev.pincer.proxy.guard;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.correlator.Correlator;
import dev.pincer.correlator.analyzer.Analyzers;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.drift.ExecBaseline;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.inspection.hint.InputHint;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.InspectionLimits;
import dev.pincer.inspection.request.RequestHead;
import io.netty.handler.codec.http.HttpRequest;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The proxy's side of sink correlation, one per server: turns each forwarded request into a
 * request context in the {@link Correlator} (its inputs, from {@code inspection}) and hands the
 * exchange a {@link RequestGuard} that signs the context header, feeds the body prefix and says
 * whether a sink blocked the request.
 */
public final class SinkGuard implements AutoCloseable {
    private final Correlator correlator;
    private final InputExtractor extractor = new InputExtractor(InspectionLimits.DEFAULT);
    private volatile int bodyPrefixBytes;

    private SinkGuard(Correlator correlator, CorrelatorConfig config) {
        this.correlator = correlator;
        this.bodyPrefixBytes = config.bodyPrefixBytes();
    }

    /**
     * Starts the correlator's sensor server.
     *
     * @throws IOException when the exec baseline cannot be read or does not parse (the message names
     *                     file and line)
     */
    public static SinkGuard start(CorrelatorConfig config, CollectorRegistry registry) throws IOException {
        Objects.requireNonNull(config, "config");
        return new SinkGuard(Correlator.start(config, analyzers(config), registry), config);
    }

    private static Map<SinkKind, List<SinkAnalyzer>> analyzers(CorrelatorConfig config) throws IOException {
        ExecBaseline baseline = config.exec() == CorrelatorConfig.ExecPolicy.BASELINE
                ? ExecBaseline.load(config.execBaseline())
                : null;
        Map<SinkKind, List<SinkAnalyzer>> analyzers = Analyzers.create(config, baseline);
        dev.pincer.correlator.analyzer.Warmup.run(analyzers);
        return analyzers;
    }

    public Correlator correlator() {
        return correlator;
    }

    /**
     * Applies what a reload may change without a restart. The analyzers are rebuilt (allowlist, exec
     * policy, baseline); when the new baseline cannot be read, nothing changes and this throws.
     */
    public void reconfigure(CorrelatorConfig next) throws IOException {
        Map<SinkKind, List<SinkAnalyzer>> a = analyzers(next);
        bodyPrefixBytes = next.bodyPrefixBytes();
        correlator.reconfigure(next, a);
    }

    /**
     * Opens the context of one request, before any of its body is seen. {@code head} is the
     * request as the client sent it (before forwarding rewrites); {@code bodyExpected} says whether
     * a body follows.
     */
    public RequestGuard open(HttpRequest head, String requestId, String clientIp, String path, boolean bodyExpected) {
        RequestHead model = model(head);
        RequestInputs inputs = extractor.extract(model, null);
        RequestContext ctx = correlator.contexts().open(requestId, clientIp, head.method().name(), path, inputs);
        int hint = InputHint.of(inputs, bodyExpected);
        return new RequestGuard(this, ctx, model, correlator.headerValue(ctx, hint),
                bodyExpected ? bodyPrefixBytes : 0);
    }

    RequestInputs extract(RequestHead head, byte[] prefix, boolean complete) {
        return extractor.extract(head, new dev.pincer.inspection.request.BodyPrefix(prefix, complete));
    }

    void close(RequestContext ctx) {
        correlator.contexts().close(ctx.id());
    }

    private static RequestHead model(HttpRequest head) {
        List<HeaderField> headers = new ArrayList<>(head.headers().size());
        for (Map.Entry<String, String> h : head.headers()) {
            headers.add(new HeaderField(h.getKey(), h.getValue()));
        }
        return new RequestHead(head.method().name(), head.uri(), headers);
    }

    @Override
    public void close() {
        correlator.close();
    }
}
