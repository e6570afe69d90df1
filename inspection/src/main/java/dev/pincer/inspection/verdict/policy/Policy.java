package dev.pincer.inspection.verdict.policy;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * The verdict policy, the one place that decides what a finding does, at the edge and at a sink
 * (the table in docs/correlation.md, "The verdict policy", is this class's test data). Pure: no
 * state, no clock, no I/O, so the proxy and the correlator call the same functions.
 *
 * <p>At the edge, a participant's {@link Outcome} becomes an {@link EdgeAction}:
 * <ul>
 *   <li>nothing found: {@code forward}, in every mode;</li>
 *   <li>monitor mode: {@code log_only}, whatever was found;</li>
 *   <li>an outcome that asks only to mark the request ({@code SUSPECT}): {@code suspect};</li>
 *   <li>edge mode: a block is a block;</li>
 *   <li>hybrid mode: a block that needs its sink-covered findings ({@link AttackClass#sinkCovered()})
 *       is {@code suspect} while a sensor is connected (the sink confirms or clears it), and a block
 *       without one. It needs them when every other finding is an anomaly-score contribution and
 *       those contributions together stay below the block's {@link Outcome#anomalyThreshold()}:
 *       CRS's notice that the Host is an IP address (3 points) does not make a sink-covered SQLi
 *       match (5) an edge block at threshold 5. Any edge-class finding that decides alone (no
 *       score, or a block without a threshold), or edge-class scores that reach the threshold
 *       together, block.</li>
 * </ul>
 *
 * <p>At a sink, a finding's class becomes a {@link SinkAction}: none is {@code allow}; an
 * {@code analysis_limit} with {@code on_analysis_limit: allow} is {@code observed}; otherwise
 * hybrid blocks, monitor answers {@code monitor} (would have blocked) and edge records only.
 *
 * <p>Example: {@code Policy.edge(Mode.HYBRID, Outcome.block(403, sqliFinding), true)} is
 * {@link EdgeAction#SUSPECT}; with {@code false} (no sensor) it is {@link EdgeAction#BLOCK}.
 */
public final class Policy {
    private Policy() {
    }

    /**
     * @param mode            the request's mode (its route's, else the global one)
     * @param outcome         what the edge participants decided
     * @param sensorConnected whether a sensor is there to confirm a sink-covered finding
     */
    public static EdgeAction edge(Mode mode, Outcome outcome, boolean sensorConnected) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.kind() == Outcome.Kind.CONTINUE) {
            return EdgeAction.FORWARD;
        }
        if (mode == Mode.MONITOR) {
            return EdgeAction.LOG_ONLY;
        }
        if (outcome.kind() == Outcome.Kind.SUSPECT) {
            return EdgeAction.SUSPECT;
        }
        if (mode == Mode.HYBRID && sensorConnected && needsTheSinkCovered(outcome)) {
            return EdgeAction.SUSPECT;
        }
        return EdgeAction.BLOCK;
    }

    /**
     * @param mode        the request's mode (its route's, else the global one)
     * @param finding     the class of the sink check's first finding, or {@code null} for none
     * @param onLimit     what an {@link AttackClass#ANALYSIS_LIMIT} finding gets
     */
    public static SinkAction sink(Mode mode, AttackClass finding, OnAnalysisLimit onLimit) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(onLimit, "onLimit");
        if (finding == null) {
            return SinkAction.ALLOW;
        }
        if (finding == AttackClass.ANALYSIS_LIMIT && onLimit == OnAnalysisLimit.ALLOW) {
            return SinkAction.OBSERVE;
        }
        return switch (mode) {
            case HYBRID -> SinkAction.BLOCK;
            case MONITOR -> SinkAction.MONITOR;
            case EDGE -> SinkAction.OBSERVE;
        };
    }

    /** Whether the block stands only with its sink-covered findings (see the class comment). */
    private static boolean needsTheSinkCovered(Outcome outcome) {
        boolean sinkCovered = false;
        long edgeScore = 0;
        for (Finding f : outcome.findings()) {
            if (f.attackClass().sinkCovered()) {
                sinkCovered = true;
            } else if (f.score() <= 0 || outcome.anomalyThreshold() <= 0) {
                return false; // an edge-class finding that blocks alone
            } else {
                edgeScore += f.score();
            }
        }
        return sinkCovered && (edgeScore == 0 || edgeScore < outcome.anomalyThreshold());
    }
}
