package dev.pincer.correlator;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.Mode;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.ContextHeader;
import dev.pincer.correlator.context.ContextStore;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.server.CorrelatorServer;
import dev.pincer.correlator.sink.SinkKind;
import io.prometheus.client.CollectorRegistry;
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
 * Correlator c = Correlator.start(cfg, analyzers, registry);
 * RequestContext ctx = c.contexts().open(requestId, clientIp, method, path, inputs);
 * head.headers().set(ContextHeader.NAME, c.headerValue(ctx, hint));
 * ctx.updateInputs(withBody);               // once the body prefix is parsed, before it is forwarded
 * if (ctx.blocked()) { ... replace the response with a 403 ... }
 * if (ctx.sinkStopped()) { ... count it as a stopped sink, not just a replaced response ... }
 * c.contexts().close(ctx.id());             // when the exchange ends
 * </pre>
 */
public final class Correlator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Correlator.class);

    private final ContextStore contexts;
    private final ContextHeader header;
    private final CorrelatorServer server;
    private volatile CorrelatorConfig config;
    private volatile Map<SinkKind, List<SinkAnalyzer>> analyzers;

    private Correlator(CorrelatorConfig config, Map<SinkKind, List<SinkAnalyzer>> analyzers, ContextStore contexts,
                       CorrelatorServer server) {
        this.config = config;
        this.analyzers = analyzers;
        this.contexts = contexts;
        this.header = new ContextHeader(config.token());
        this.server = server;
    }

    /**
     * Registers the metrics in {@code registry}, starts the analysis threads, binds
     * {@code cfg.listen()} and starts accepting sensors.
     *
     * @param analyzers per sink kind, run in list order; a kind without analyzers always allows
     * @throws IllegalStateException when the address cannot be bound
     */
    public static Correlator start(CorrelatorConfig cfg, Map<SinkKind, List<SinkAnalyzer>> analyzers,
                                   CollectorRegistry registry) {
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(analyzers, "analyzers");
        CorrelatorMetrics metrics = new CorrelatorMetrics(registry);
        ContextStore contexts = new ContextStore(cfg.maxContexts(), cfg.contextTtl(), metrics);
        return new Correlator(cfg, analyzers, contexts, CorrelatorServer.start(cfg, analyzers, contexts, metrics));
    }

    public ContextStore contexts() {
        return contexts;
    }

    /**
     * The {@code X-Pincer-Context} value for a request: its context id, the hint bits
     * ({@link ContextHeader#HINT_SYNTAX} | {@code HINT_PATH} | {@code HINT_URL}), expiring
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

    public Mode mode() {
        return config.mode();
    }

    /**
     * {@link #reconfigure(CorrelatorConfig, Map)} keeping the current analyzers: enough for a mode or
     * limit change, not for a new redirect allowlist or exec policy (those live in the analyzers).
     */
    public void reconfigure(CorrelatorConfig next) {
        reconfigure(next, analyzers);
    }

    /**
     * Applies a reloaded config: mode, limits for new sensor connections, header expiry, and the
     * given analyzers (rebuild them when the redirect allowlist or exec policy changed). A new
     * listen address, token or context-store size needs a restart and is ignored with a warning.
     */
    public void reconfigure(CorrelatorConfig next, Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        Objects.requireNonNull(next, "next");
        CorrelatorConfig old = config;
        if (!old.listen().equals(next.listen()) || !old.token().equals(next.token())
                || old.maxContexts() != next.maxContexts() || !old.contextTtl().equals(next.contextTtl())
                || old.analysis().threads() != next.analysis().threads()
                || old.analysis().queue() != next.analysis().queue()) {
            LOG.warn("correlator: listen, token, max_contexts, context_ttl, analysis_threads and analysis_queue "
                    + "changes take effect at the next restart");
        }
        server.reconfigure(next, analyzers);
        this.analyzers = analyzers;
        config = new CorrelatorConfig(old.listen(), old.token(), next.verdictTimeout(), next.mode(),
                next.maxSensors(), next.maxFrameBytes(), next.maxInFlight(), old.contextTtl(), old.maxContexts(),
                next.bodyPrefixBytes(), next.redirectAllowlist(), next.exec(), next.execBaseline(),
                new CorrelatorConfig.Analysis(old.analysis().threads(), old.analysis().queue(),
                        next.analysis().requestChecks(), next.analysis().requestTime()));
    }

    /** Stops accepting sensors, tells connected ones {@code shutting_down}, closes them, stops analysis. */
    @Override
    public void close() {
        server.close();
    }
}
