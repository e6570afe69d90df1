package dev.pincer.correlator.verdict;

import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.verdict.policy.SinkAction;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The correlator's use of the verdict policy, {@link dev.pincer.inspection.verdict.policy.Policy#sink}:
 * it asks that one pure part what a finding does in a mode and turns the answer into the wire
 * verdict, the cache scope and the event's action. It decides nothing of its own. No finding is
 * allow; its cache scope is process-wide for the input-independent kinds (deserialization, JNDI),
 * per request for the others. A verdict that came from a finding is cached per request at most,
 * so every request that repeats an attack gets its own event.
 *
 * <p>Example: {@code new Policy(Mode.HYBRID).decide(call, sqliFinding)} blocks;
 * {@code decide(call, sqliFinding, Mode.MONITOR)} (a request whose route is in monitor mode)
 * answers monitor; {@code new Policy(Mode.HYBRID, OnAnalysisLimit.ALLOW)} observes an
 * {@code analysis_limit} finding.
 */
public final class Policy {
    private final Mode mode;
    private final OnAnalysisLimit onLimit;
    private final Map<Mode, Map<SinkKind, Decision>> allows = new EnumMap<>(Mode.class);

    /** The policy with the default {@code on_analysis_limit} ({@code block}). */
    public Policy(Mode mode) {
        this(mode, ProtectionConfig.DEFAULT_ON_ANALYSIS_LIMIT);
    }

    /**
     * @param mode    the mode of a check whose request names none (no live context, or a route
     *                without its own)
     * @param onLimit what an {@code analysis_limit} finding gets
     */
    public Policy(Mode mode, OnAnalysisLimit onLimit) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.onLimit = Objects.requireNonNull(onLimit, "onLimit");
        for (Mode m : Mode.values()) {
            Map<SinkKind, Decision> byKind = new EnumMap<>(SinkKind.class);
            for (SinkKind k : SinkKind.values()) {
                byKind.put(k, new Decision(Verdict.ALLOW, inputIndependent(k) ? CacheScope.PROCESS : CacheScope.REQUEST,
                        Action.ALLOW, m, null, null));
            }
            allows.put(m, byKind);
        }
    }

    public Mode mode() {
        return mode;
    }

    public OnAnalysisLimit onAnalysisLimit() {
        return onLimit;
    }

    /** {@link #decide(SinkCall, Finding, Mode)} in this policy's own mode. */
    public Decision decide(SinkCall call, Finding finding) {
        return decide(call, finding, mode);
    }

    /**
     * @param finding     the first finding of the kind's analyzers, or {@code null}
     * @param requestMode the mode of the call's request (its route's), or {@code null} for this policy's
     */
    public Decision decide(SinkCall call, Finding finding, Mode requestMode) {
        Mode m = requestMode == null ? mode : requestMode;
        SinkAction a = dev.pincer.inspection.verdict.policy.Policy.sink(m, finding == null ? null : finding.attackClass(),
                onLimit);
        return switch (a) {
            case ALLOW -> allows.get(m).get(call.kind());
            case BLOCK -> new Decision(Verdict.BLOCK, CacheScope.REQUEST, Action.BLOCK, m, finding, call);
            case MONITOR -> new Decision(Verdict.MONITOR, CacheScope.REQUEST, Action.MONITOR, m, finding, call);
            case OBSERVE -> new Decision(Verdict.ALLOW, CacheScope.REQUEST, Action.OBSERVED, m, finding, call);
        };
    }

    /** Kinds whose allow verdict depends only on the argument, never on a request's inputs. */
    static boolean inputIndependent(SinkKind kind) {
        return kind == SinkKind.DESERIALIZE || kind == SinkKind.JNDI;
    }
}
