package dev.pincer.correlator.analyzer;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;

/**
 * Decides, for one sink kind, whether a sink call is an attack given the inputs of the request
 * that caused it. Implementations are thread-safe, never throw (a sink argument they cannot
 * understand is judged on what they could tokenize) except {@link AnalysisLimitException} when a
 * work budget stops them before they could decide, and are bounded in CPU by those budgets
 * whatever the argument: no backtracking regexes over input, no unbounded parser.
 */
public interface SinkAnalyzer {
    /** The sink kind this analyzer judges. */
    SinkKind kind();

    /**
     * @param call   the sink call
     * @param inputs the request's inputs; {@link RequestInputs#EMPTY} when the call has no request
     *               context
     * @return a finding, or {@code null} when the call is not an attack
     */
    Finding analyze(SinkCall call, RequestInputs inputs);
}
