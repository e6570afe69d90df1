package dev.pincer.correlator.analyzer;

import dev.pincer.inspection.verdict.AttackClass;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;

/**
 * Judges a sink call by its argument alone, for a request whose inputs were cut by an inspection
 * limit ({@code RequestInputs.truncated()}): what was not kept cannot be searched for, so the
 * argument is checked for syntax that only injected input typically adds and that a fixed app
 * query or command would not contain (a tautology after {@code OR}, stacked statements, a
 * command after a shell separator, a path that climbs above its start, a filter that continues
 * after it closes). {@code AnalyzerChain} runs it in addition to the kind's analyzers. Findings
 * name no input and give the reason {@code "incomplete request: judged by the argument alone:
 * ..."}. Implementations are thread-safe, linear in the argument and never throw except
 * {@link AnalysisLimitException}.
 *
 * <p>Example: the SQL judge finds {@code SELECT * FROM t WHERE id = 1 OR 1=1} ("tautology after
 * OR: 1=1") and leaves {@code SELECT * FROM t WHERE 1=1 AND id = ?} alone.
 */
public interface ArgumentJudge {
    /** The prefix of every reason. */
    String REASON = "incomplete request: judged by the argument alone: ";

    /** The sink kind this judge judges. */
    SinkKind kind();

    /** @return a finding with no input, or {@code null} when the argument has nothing injected-looking */
    Finding judge(SinkCall call);

    /** The finding for {@code what}, with {@code evidence}. */
    static Finding finding(AttackClass attackClass, String what, String... evidence) {
        return new Finding(attackClass, null, Evidence.of(evidence), REASON + what);
    }
}
