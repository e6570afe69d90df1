package dev.pincer.correlator.verdict;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.Counter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every analyzer registered for a call's kind, in registration order, and returns the first
 * finding. An analyzer that throws (a bug: the contract says they never do) counts as no finding,
 * is counted in {@code pincer_analyzer_errors_total{kind}} and logged once per kind, and the next
 * analyzer still runs: one broken analyzer must never cost a sensor its connection.
 */
public final class AnalyzerChain {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerChain.class);

    private final SinkAnalyzer[][] byKind = new SinkAnalyzer[SinkKind.values().length][];
    private final Counter.Child[] errors = new Counter.Child[SinkKind.values().length];
    private final boolean[] logged = new boolean[SinkKind.values().length];

    /**
     * @param analyzers per kind, in the order to run them; a kind may be missing (no findings)
     * @param errors    {@code pincer_analyzer_errors_total}, labelled by kind
     */
    public AnalyzerChain(Map<SinkKind, List<SinkAnalyzer>> analyzers, Counter errors) {
        Objects.requireNonNull(analyzers, "analyzers");
        for (SinkKind k : SinkKind.values()) {
            List<SinkAnalyzer> list = analyzers.getOrDefault(k, List.of());
            for (SinkAnalyzer a : list) {
                if (a.kind() != k) {
                    throw new IllegalArgumentException("analyzer " + a.getClass().getName() + " judges "
                            + a.kind() + " but is registered for " + k);
                }
            }
            byKind[k.ordinal()] = list.toArray(new SinkAnalyzer[0]);
            this.errors[k.ordinal()] = errors.labels(k.label());
        }
    }

    /** The first finding, or {@code null}. Never throws. */
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        int k = call.kind().ordinal();
        for (SinkAnalyzer a : byKind[k]) {
            try {
                Finding f = a.analyze(call, inputs);
                if (f != null) {
                    return f;
                }
            } catch (RuntimeException | StackOverflowError e) {
                errors[k].inc();
                if (!logged[k]) {
                    logged[k] = true; // a benign race: at worst two lines
                    LOG.warn("analyzer {} threw on a {} call; treated as no finding (logged once per kind)",
                            a.getClass().getName(), call.kind().label(), e);
                }
            }
        }
        return null;
    }
}
