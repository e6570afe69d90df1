package dev.pincer.correlator.verdict;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.registry.Analyzers;
import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.CheckWork;
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
 * finding. An analyzer that throws (a bug: the contract says they never do) is counted in
 * {@code pincer_analyzer_errors_total{kind}} and logged once per kind, and gives an
 * {@code analyzer_failure} analysis-limit finding ({@link AnalysisLimitException#failure}): the call
 * could not be judged, so the policy decides it (block by default) rather than letting a crashing
 * input pass. The next analyzer still runs, and one broken analyzer never costs a sensor its
 * connection.
 *
 * <p>When the request's inputs are incomplete ({@link RequestInputs#truncated()}), the kind's
 * {@link ArgumentJudge} also judges the argument alone, after the analyzers. An analysis that hit
 * a work budget ({@link AnalysisLimitException}, or an {@link AttackClass#ANALYSIS_LIMIT}
 * finding from a guarded analyzer) does not stop the chain: a real finding of a later analyzer or
 * of the argument judge wins, and only when there is none is the limit finding returned, counted
 * in {@code pincer_analysis_limit_total{kind}} and logged (once per kind at warn, then at debug).
 *
 * <p>Example: {@code new AnalyzerChain(Analyzers.create(cfg), Analyzers.argumentJudges(), errors,
 * limits).analyze(call, inputs)}.
 */
public final class AnalyzerChain {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerChain.class);

    private final SinkAnalyzer[][] byKind = new SinkAnalyzer[SinkKind.values().length][];
    private final ArgumentJudge[] judges = new ArgumentJudge[SinkKind.values().length];
    private final Counter.Child[] errors = new Counter.Child[SinkKind.values().length];
    private final Counter.Child[] limits = new Counter.Child[SinkKind.values().length];
    private final boolean[] logged = new boolean[SinkKind.values().length];
    private final boolean[] limitLogged = new boolean[SinkKind.values().length];

    /**
     * The chain with {@link Analyzers#argumentJudges()} and no limit counter.
     *
     * @param analyzers per kind, in the order to run them; a kind may be missing (no findings)
     * @param errors    {@code pincer_analyzer_errors_total}, labelled by kind
     */
    public AnalyzerChain(Map<SinkKind, List<SinkAnalyzer>> analyzers, Counter errors) {
        this(analyzers, Analyzers.argumentJudges(), errors, null);
    }

    /**
     * @param judges the argument-only judges by kind; a kind may be missing
     * @param limits {@code pincer_analysis_limit_total}, labelled by kind, or {@code null}
     */
    public AnalyzerChain(Map<SinkKind, List<SinkAnalyzer>> analyzers, Map<SinkKind, ArgumentJudge> judges,
                         Counter errors, Counter limits) {
        Objects.requireNonNull(analyzers, "analyzers");
        Objects.requireNonNull(judges, "judges");
        for (SinkKind k : SinkKind.values()) {
            List<SinkAnalyzer> list = analyzers.getOrDefault(k, List.of());
            for (SinkAnalyzer a : list) {
                if (a.kind() != k) {
                    throw new IllegalArgumentException("analyzer " + a.getClass().getName() + " judges "
                            + a.kind() + " but is registered for " + k);
                }
            }
            ArgumentJudge j = judges.get(k);
            if (j != null && j.kind() != k) {
                throw new IllegalArgumentException("argument judge " + j.getClass().getName() + " judges "
                        + j.kind() + " but is registered for " + k);
            }
            byKind[k.ordinal()] = list.toArray(new SinkAnalyzer[0]);
            this.judges[k.ordinal()] = j;
            this.errors[k.ordinal()] = errors.labels(k.label());
            this.limits[k.ordinal()] = limits == null ? null : limits.labels(k.label());
        }
    }

    /**
     * The first finding, or {@code null}. Never throws. The check's searches share one
     * {@link CheckWork}, so the analyzers together stay within its budget.
     */
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        try (CheckWork work = CheckWork.open()) {
            return analyzeWithin(call, inputs);
        }
    }

    private Finding analyzeWithin(SinkCall call, RequestInputs inputs) {
        int k = call.kind().ordinal();
        Finding limit = null;
        for (SinkAnalyzer a : byKind[k]) {
            Finding f = run(a, call, inputs, k);
            if (f != null && f.attackClass() != AttackClass.ANALYSIS_LIMIT) {
                return f;
            }
            limit = limit == null ? f : limit;
        }
        ArgumentJudge j = judges[k];
        if (j != null && inputs.truncated()) {
            Finding f = judge(j, call, k);
            if (f != null && f.attackClass() != AttackClass.ANALYSIS_LIMIT) {
                return f;
            }
            limit = limit == null ? f : limit;
        }
        if (limit != null) {
            limited(call, limit, k);
        }
        return limit;
    }

    private Finding run(SinkAnalyzer a, SinkCall call, RequestInputs inputs, int k) {
        try {
            return a.analyze(call, inputs);
        } catch (AnalysisLimitException e) {
            return e.finding();
        } catch (RuntimeException | StackOverflowError e) {
            failed(a, call, k, e);
            return AnalysisLimitException.failure(a, e);
        }
    }

    private Finding judge(ArgumentJudge j, SinkCall call, int k) {
        try {
            return j.judge(call);
        } catch (AnalysisLimitException e) {
            return e.finding();
        } catch (RuntimeException | StackOverflowError e) {
            failed(j, call, k, e);
            return AnalysisLimitException.failure(j, e);
        }
    }

    private void failed(Object a, SinkCall call, int k, Throwable e) {
        errors[k].inc();
        if (!logged[k]) {
            logged[k] = true; // a benign race: at worst two lines
            LOG.warn("analyzer {} threw on a {} call; decided as an analysis limit (logged once per kind)",
                    a.getClass().getName(), call.kind().label(), e);
        }
    }

    private void limited(SinkCall call, Finding limit, int k) {
        if (limits[k] != null) {
            limits[k].inc();
        }
        if (!limitLogged[k]) {
            limitLogged[k] = true;
            LOG.warn("a {} check hit an analysis budget and is decided by policy: {} (logged once per kind, then at debug)",
                    call.kind().label(), limit.reason());
        } else {
            LOG.debug("a {} check hit an analysis budget: {}", call.kind().label(), limit.reason());
        }
    }
}
