package dev.pincer.correlator.server;

import dev.pincer.config.CorrelatorConfig.Mode;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.ContextStore;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.event.SecurityEvent;
import dev.pincer.correlator.event.SecurityLog;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.verdict.Action;
import dev.pincer.correlator.verdict.AnalyzerChain;
import dev.pincer.correlator.verdict.Decision;
import dev.pincer.correlator.verdict.Policy;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Judges one CHECK: finds the request context (a CHECK whose ctx is empty, unknown or expired is
 * judged with {@link RequestInputs#EMPTY}, so the always-checked kinds still work), runs the kind's
 * analyzers, applies the mode's {@link Policy}, records a finding on the context (before the
 * VERDICT is written, so the proxy sees {@code blocked()} before the app's response), logs the
 * security event and counts. Runs on the connection's event loop; thread-safe; mode and analyzers
 * can be swapped whole at any time.
 */
final class Judge {
    private record Rules(Policy policy, AnalyzerChain chain) {
    }

    private final ContextStore contexts;
    private final CorrelatorMetrics metrics;
    private final Counter.Child[][] checks = new Counter.Child[SinkKind.values().length][Action.values().length];
    private final Histogram.Child seconds;
    private volatile Rules rules;

    Judge(ContextStore contexts, CorrelatorMetrics metrics, Mode mode, Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        this.contexts = contexts;
        this.metrics = metrics;
        for (SinkKind k : SinkKind.values()) {
            for (Action a : Action.values()) {
                checks[k.ordinal()][a.ordinal()] = metrics.sinkChecks.labels(k.label(), a.label());
            }
        }
        seconds = metrics.verdictSeconds.labels();
        reconfigure(mode, analyzers);
    }

    /** Swaps mode and analyzers; checks already judging finish with the old ones. */
    void reconfigure(Mode mode, Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        rules = new Rules(new Policy(mode), new AnalyzerChain(analyzers, metrics.analyzerErrors));
    }

    Mode mode() {
        return rules.policy().mode();
    }

    Decision judge(SinkCall call, String sensorId) {
        long start = System.nanoTime();
        RequestContext ctx = contexts.get(call.contextId());
        RequestInputs inputs = ctx == null ? RequestInputs.EMPTY : ctx.inputs();
        Rules r = rules;
        Finding finding = r.chain().analyze(call, inputs);
        Decision d = r.policy().decide(call, finding);
        if (finding != null) {
            if (ctx != null) {
                ctx.record(d);
            }
            SecurityLog.sinkVerdict(SecurityEvent.of(d, ctx, sensorId, Instant.now()));
        }
        checks[call.kind().ordinal()][d.action().ordinal()].inc();
        seconds.observe((System.nanoTime() - start) * 1e-9);
        return d;
    }
}
