package dev.pincer.correlator.server;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.correlator.registry.Analyzers;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.ContextStore;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.verdict.Action;
import dev.pincer.correlator.verdict.AnalyzerChain;
import dev.pincer.correlator.verdict.CacheScope;
import dev.pincer.correlator.verdict.Decision;
import dev.pincer.correlator.verdict.Policy;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.Counter;
import java.util.List;
import java.util.Map;

/**
 * Decides one CHECK: runs the kind's analyzers against the request context's inputs (a CHECK whose
 * ctx is empty, unknown or expired is judged with {@link RequestInputs#EMPTY}, so the always-checked
 * kinds still work), applies the mode's {@link Policy}, records a finding on the context (before
 * the VERDICT is written, so the proxy sees {@code blocked()} before the app's response) and counts
 * it. {@link #analyze} runs on an analysis thread; {@link #limited} decides, without analysis, a
 * check the correlator will not analyse (the request's share used up, the queue full) as a finding
 * of class {@code analysis_limit}, which the policy blocks in hybrid mode. Events are logged by the
 * connection once it knows whether the sensor still waited. Thread-safe; mode and analyzers can be
 * swapped whole at any time.
 */
final class Judge {
    private record Rules(Policy policy, AnalyzerChain chain) {
    }

    private final ContextStore contexts;
    private final CorrelatorMetrics metrics;
    private final Counter.Child[][] checks = new Counter.Child[SinkKind.values().length][Action.values().length];
    private volatile Rules rules;

    Judge(ContextStore contexts, CorrelatorMetrics metrics, Mode mode, Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        this.contexts = contexts;
        this.metrics = metrics;
        for (SinkKind k : SinkKind.values()) {
            for (Action a : Action.values()) {
                checks[k.ordinal()][a.ordinal()] = metrics.sinkChecks.labels(k.label(), a.label());
            }
        }
        reconfigure(mode, analyzers);
    }

    /** Swaps mode and analyzers, analysis limits blocking; checks already judging finish with the old ones. */
    void reconfigure(Mode mode, Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        reconfigure(mode, ProtectionConfig.DEFAULT_ON_ANALYSIS_LIMIT, analyzers);
    }

    /** Swaps mode, the analysis-limit choice and analyzers; checks already judging finish with the old ones. */
    void reconfigure(Mode mode, OnAnalysisLimit onLimit, Map<SinkKind, List<SinkAnalyzer>> analyzers) {
        rules = new Rules(new Policy(mode, onLimit), new AnalyzerChain(analyzers, Analyzers.argumentJudges(),
                metrics.analyzerErrors, metrics.analysisLimits));
    }

    Mode mode() {
        return rules.policy().mode();
    }

    CorrelatorMetrics metrics() {
        return metrics;
    }

    /** The live context a CHECK or INPUTS names, or {@code null}. */
    RequestContext context(String ctxId) {
        return contexts.get(ctxId);
    }

    /** Analyses the call against {@code ctx}'s inputs (none when {@code ctx} is null) and decides. */
    Decision analyze(SinkCall call, RequestContext ctx) {
        RequestInputs inputs = ctx == null ? RequestInputs.EMPTY : ctx.inputs();
        Rules r = rules;
        Finding finding = r.chain().analyze(call, inputs);
        return settle(r.policy().decide(call, finding, ctx == null ? null : ctx.mode()), call, ctx);
    }

    /**
     * Decides a call the correlator did not analyse, as a finding of class
     * {@link AttackClass#ANALYSIS_LIMIT} with {@code reason}; never cached by the sensor, since the
     * same call may be analysed once the correlator is less busy.
     */
    Decision limited(SinkCall call, RequestContext ctx, String reason) {
        Finding f = new Finding(AttackClass.ANALYSIS_LIMIT, null, List.of(), reason);
        return settle(rules.policy().decide(call, f, ctx == null ? null : ctx.mode()).withCache(CacheScope.NONE),
                call, ctx);
    }

    private Decision settle(Decision d, SinkCall call, RequestContext ctx) {
        if (d.finding() != null && ctx != null) {
            ctx.record(d);
        }
        checks[call.kind().ordinal()][d.action().ordinal()].inc();
        return d;
    }
}
