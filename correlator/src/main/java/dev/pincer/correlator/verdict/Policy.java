package dev.pincer.correlator.verdict;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.Mode;
import dev.pincer.config.CorrelatorConfig.OnAnalysisLimit;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The verdict policy of docs/correlation.md: a finding blocks in hybrid mode, is answered
 * {@code 2} (would have blocked) in monitor mode, and is only recorded ({@code observed}, verdict
 * allow) in edge mode. No finding is allow; its cache scope is process-wide for the
 * input-independent kinds (deserialization, JNDI), per request for the others. A verdict that
 * came from a finding is cached per request at most, so every request that repeats an attack gets
 * its own event.
 *
 * <p>An {@link AttackClass#ANALYSIS_LIMIT} finding (the analysis hit a work budget) is decided by
 * {@code correlator.on_analysis_limit}: {@code block} (the default) treats it as any finding;
 * {@code allow} lets the sink run in every mode and records it as {@code observed}, so the event
 * still says which budget was hit. Example: {@code new Policy(Mode.HYBRID).decide(call,
 * limitFinding)} blocks; {@code new Policy(Mode.HYBRID, OnAnalysisLimit.ALLOW)} observes.
 */
public final class Policy {
    private final Mode mode;
    private final OnAnalysisLimit onLimit;
    private final Map<SinkKind, Decision> allows = new EnumMap<>(SinkKind.class);

    /** The policy with the default {@code on_analysis_limit} ({@code block}). */
    public Policy(Mode mode) {
        this(mode, CorrelatorConfig.DEFAULT_ON_ANALYSIS_LIMIT);
    }

    /** @param onLimit what an {@code analysis_limit} finding gets */
    public Policy(Mode mode, OnAnalysisLimit onLimit) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.onLimit = Objects.requireNonNull(onLimit, "onLimit");
        for (SinkKind k : SinkKind.values()) {
            allows.put(k, new Decision(Verdict.ALLOW, inputIndependent(k) ? CacheScope.PROCESS : CacheScope.REQUEST,
                    Action.ALLOW, mode, null, null));
        }
    }

    public Mode mode() {
        return mode;
    }

    public OnAnalysisLimit onAnalysisLimit() {
        return onLimit;
    }

    /** @param finding the first finding of the kind's analyzers, or {@code null} */
    public Decision decide(SinkCall call, Finding finding) {
        if (finding == null) {
            return allows.get(call.kind());
        }
        if (finding.attackClass() == AttackClass.ANALYSIS_LIMIT && onLimit == OnAnalysisLimit.ALLOW) {
            return new Decision(Verdict.ALLOW, CacheScope.REQUEST, Action.OBSERVED, mode, finding, call);
        }
        return switch (mode) {
            case HYBRID -> new Decision(Verdict.BLOCK, CacheScope.REQUEST, Action.BLOCK, mode, finding, call);
            case MONITOR -> new Decision(Verdict.MONITOR, CacheScope.REQUEST, Action.MONITOR, mode, finding, call);
            case EDGE -> new Decision(Verdict.ALLOW, CacheScope.REQUEST, Action.OBSERVED, mode, finding, call);
        };
    }

    /** Kinds whose allow verdict depends only on the argument, never on a request's inputs. */
    static boolean inputIndependent(SinkKind kind) {
        return kind == SinkKind.DESERIALIZE || kind == SinkKind.JNDI;
    }
}
