package dev.pincer.correlator;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.correlator.registry.Analyzers;
import dev.pincer.correlator.registry.Warmup;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.ContextHeader;
import dev.pincer.correlator.context.ContextStore;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.server.CorrelatorServer;
import dev.pincer.correlator.sink.SinkKind;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The correlator as the proxy sees it: request contexts, the header that carries them to the
 * app, and the sensor server that judges the app's sink calls against them.
 *
 * <pre>
 * Correlator c = Correlator.start(cfg, protection, registry); // builds and warms its analyzers
 * RequestContext ctx = c.contexts().open(requestId, clientIp, method, path, inputs, routeMode);
 * head.headers().set(ContextHeader.NAME, c.headerValue(ctx, hint));
 * ctx.updateInputs(withBody);               // once the body prefix is parsed, before it is forwarded
 * if (ctx.blocked()) { ... replace the response with a 403 ... }
 * if (ctx.sinkStopped()) { ... count it as a stopped sink, not just a replaced response ... }
 * c.contexts().close(ctx.id());             // when the exchange ends
 * c.reconfigure(nextCfg, nextProtection);   // on reload: rebuilds the analyzers, or throws and keeps the old
 * </pre>
 */
public final class Correlator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Correlator.class);

    private final ContextStore contexts;
    private final ContextHeader header;
    private final CorrelatorServer server;
    private volatile CorrelatorConfig config;
    private volatile ProtectionConfig protection;

    private Correlator(CorrelatorConfig config, ProtectionConfig protection, ContextStore contexts,
                       CorrelatorServer server) {
        this.config = config;
        this.protection = protection;
        this.contexts = contexts;
        this.header = new ContextHeader(config.token());
        this.server = server;
    }

    /**
     * Builds the analyzers of {@code cfg} (the exec baseline loaded when {@code exec: baseline},
     * {@link Analyzers#create}), warms them ({@link Warmup#run}), registers the metrics in
     * {@code registry}, starts the analysis threads, binds {@code cfg.listen()} and starts
     * accepting sensors.
     *
     * @param protection the policy's settings: the mode announced to sensors and applied to checks
     *                   of requests without their own, and {@code on_analysis_limit}
     * @throws IOException           when the exec baseline cannot be read or does not parse (the
     *                               message names file and line)
     * @throws IllegalStateException when the address cannot be bound
     */
    public static Correlator start(CorrelatorConfig cfg, ProtectionConfig protection, CollectorRegistry registry)
            throws IOException {
        Objects.requireNonNull(cfg, "cfg");
        return start(cfg, protection, analyzers(cfg), registry);
    }

    /**
     * {@link #start(CorrelatorConfig, ProtectionConfig, CollectorRegistry)} with analyzers built by
     * the caller: for tests and benchmarks that judge with their own.
     *
     * @param analyzers per sink kind, run in list order; a kind without analyzers always allows
     */
    public static Correlator start(CorrelatorConfig cfg, ProtectionConfig protection,
                                   Map<SinkKind, List<SinkAnalyzer>> analyzers, CollectorRegistry registry) {
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(analyzers, "analyzers");
        CorrelatorMetrics metrics = new CorrelatorMetrics(registry);
        ContextStore contexts = new ContextStore(cfg.maxContexts(), cfg.contextTtl(), metrics);
        return new Correlator(cfg, protection, contexts,
                CorrelatorServer.start(cfg, protection, analyzers, contexts, metrics));
    }

    /** The analyzers of {@code cfg}, warmed so the first real checks do not pay for class loading and JIT. */
    private static Map<SinkKind, List<SinkAnalyzer>> analyzers(CorrelatorConfig cfg) throws IOException {
        Map<SinkKind, List<SinkAnalyzer>> analyzers = Analyzers.create(cfg);
        Warmup.run(analyzers);
        return analyzers;
    }

    public ContextStore contexts() {
        return contexts;
    }

    /**
     * The {@code X-Pincer-Context} value for a request: its context id, the hint bits
     * ({@link dev.pincer.inspection.hint.InputHint#SYNTAX} | {@code PATH} | {@code URL}), expiring
     * {@code context_ttl} from now.
     */
    public String headerValue(RequestContext ctx, int hint) {
        long expiry = Math.addExact(System.currentTimeMillis() / 1000, Math.max(1, config.contextTtl().toSeconds()));
        return header.sign(ctx.id(), hint, expiry);
    }

    /** The port sensors connect to (the ephemeral port resolved when {@code listen} asked for 0). */
    public int boundPort() {
        return server.address().getPort();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** Sensors connected and past the handshake. In hybrid mode with none, the edge decides alone. */
    public int connectedSensors() {
        return server.connectedSensors();
    }

    /** {@code protection.mode}: the mode of checks whose request has no route mode of its own. */
    public Mode mode() {
        return protection.mode();
    }

    /** The config in force: a reload's values, except what needs a restart (see {@link #reconfigure}). */
    public CorrelatorConfig config() {
        return config;
    }

    /** The policy's settings in force. */
    public ProtectionConfig protection() {
        return protection;
    }

    /**
     * Applies a reloaded config: rebuilds and warms the analyzers (redirect allowlist, exec policy
     * and baseline, deserialization), then swaps them with the mode, {@code on_analysis_limit},
     * the limits for new sensor connections and the header expiry. When the new baseline cannot be
     * read nothing changes and this throws. A new listen address, token, context-store size or
     * analysis pool needs a restart and is ignored with a warning.
     *
     * @throws IOException when the exec baseline cannot be read or does not parse
     */
    public void reconfigure(CorrelatorConfig next, ProtectionConfig nextProtection) throws IOException {
        Objects.requireNonNull(next, "next");
        reconfigure(next, nextProtection, analyzers(next));
    }

    /** {@link #reconfigure(CorrelatorConfig, ProtectionConfig)} with analyzers built by the caller (tests). */
    public void reconfigure(CorrelatorConfig next, ProtectionConfig nextProtection,
                            Map<SinkKind, List<SinkAnalyzer>> nextAnalyzers) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(nextProtection, "nextProtection");
        Objects.requireNonNull(nextAnalyzers, "nextAnalyzers");
        CorrelatorConfig old = config;
        if (!old.listen().equals(next.listen()) || !old.token().equals(next.token())
                || old.maxContexts() != next.maxContexts() || !old.contextTtl().equals(next.contextTtl())
                || old.analysis().threads() != next.analysis().threads()
                || old.analysis().queue() != next.analysis().queue()) {
            LOG.warn("correlator: listen, token, max_contexts, context_ttl, analysis_threads and analysis_queue "
                    + "changes take effect at the next restart");
        }
        server.reconfigure(next, nextProtection, nextAnalyzers);
        // every component: the restart-only ones kept, all others the reload's (deserialization included)
        config = new CorrelatorConfig(old.listen(), old.token(), next.verdictTimeout(), next.maxSensors(),
                next.maxFrameBytes(), next.maxInFlight(), old.contextTtl(), old.maxContexts(),
                next.redirectAllowlist(), next.exec(), next.execBaseline(),
                new CorrelatorConfig.Analysis(old.analysis().threads(), old.analysis().queue(),
                        next.analysis().requestChecks(), next.analysis().requestTime()),
                next.deserialization());
        protection = nextProtection;
    }

    /** Stops accepting sensors, tells connected ones {@code shutting_down}, closes them, stops analysis. */
    @Override
    public void close() {
        server.close();
    }
}
