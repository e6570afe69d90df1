package dev.pincer.correlator.registry;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.inspection.verdict.AttackClass;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard every registered analyzer runs behind: an exception (or a stack overflow in a
 * third-party parser) is a bug on our side, so it is logged (kind and exception only, never the
 * sink argument, which may be hostile and huge) and the call is not judged "no finding" — that
 * would make any crashing input a bypass — but gets the {@link AttackClass#ANALYSIS_LIMIT} finding
 * {@link AnalysisLimitException#failure}, which the policy decides. A budget exhausted ({@link AnalysisLimitException}) is not a
 * bug: it becomes the {@link AttackClass#ANALYSIS_LIMIT} finding the policy decides. Thread-safe like the analyzer it wraps.
 *
 * <p>Example: {@code new Guarded(new SqlInjectionAnalyzer()).analyze(call, inputs)} returns what the
 * analyzer returns, or an {@code analyzer_failure} limit finding if it threw.
 */
final class Guarded implements SinkAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(Guarded.class);
    private final SinkAnalyzer inner;

    Guarded(SinkAnalyzer inner) {
        this.inner = inner;
    }

    @Override
    public SinkKind kind() {
        return inner.kind();
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        try {
            return inner.analyze(call, inputs);
        } catch (AnalysisLimitException e) {
            return e.finding();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("{} analyzer failed on a {} call: {}", inner.getClass().getSimpleName(), call.kind().label(),
                    e.toString());
            return AnalysisLimitException.failure(inner, e);
        }
    }

    @Override
    public String toString() {
        return inner.getClass().getSimpleName();
    }
}
