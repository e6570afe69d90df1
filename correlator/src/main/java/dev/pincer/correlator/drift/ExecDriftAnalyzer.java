package dev.pincer.correlator.drift;

import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import java.util.Objects;

/**
 * Exec drift, input-independent: under {@code exec: deny} every process start is a finding; under
 * {@code exec: baseline} a start is a finding when the executable is not in the {@link ExecBaseline}:
 * by its hash (attr {@code exe.sha256}) when the sensor sent one, else by its resolved path (attr
 * {@code exe.path}), else by {@code argv[0]} when that is absolute; an executable the sensor could
 * not resolve at all is a finding. Under {@code exec: allow} this analyzer is not registered. The
 * finding's input is always null.
 *
 * <p>Example: with a baseline holding only {@code /usr/bin/convert}, an exec of {@code /tmp/x}
 * (hash not in the baseline) is a finding "executable /tmp/x is not in the exec baseline".
 */
public final class ExecDriftAnalyzer implements SinkAnalyzer {
    private final ExecPolicy policy;
    private final ExecBaseline baseline;

    /** {@code baseline} is required for {@link ExecPolicy#BASELINE} and ignored otherwise. */
    public ExecDriftAnalyzer(ExecPolicy policy, ExecBaseline baseline) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (policy == ExecPolicy.BASELINE) {
            Objects.requireNonNull(baseline, "baseline (exec: baseline needs the exec_baseline file)");
        }
        this.baseline = baseline;
    }

    @Override
    public SinkKind kind() {
        return SinkKind.EXEC;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String hash = blankToNull(call.attr("exe.sha256"));
        String path = blankToNull(call.attr("exe.path"));
        String shown = path != null ? path : call.arg(0);
        switch (policy) {
            case ALLOW:
                return null;
            case DENY:
                return new Finding(AttackClass.EXEC_DRIFT, null, Evidence.of(shown),
                        "process execution is denied (exec: deny)");
            default:
                break;
        }
        boolean known;
        String by;
        if (hash != null) {
            known = baseline.containsHash(hash);
            by = "sha256 " + hash;
        } else if (path != null) {
            known = baseline.containsPath(path);
            by = "path";
        } else if (ExecBaseline.isAbsolute(call.arg(0))) {
            known = baseline.containsPath(call.arg(0));
            by = "argv[0]";
        } else {
            return new Finding(AttackClass.EXEC_DRIFT, null, Evidence.of(shown),
                    "executable " + shown + " could not be resolved, so it cannot be in the exec baseline");
        }
        return known ? null : new Finding(AttackClass.EXEC_DRIFT, null, Evidence.of(shown, by),
                "executable " + shown + " is not in the exec baseline (by " + by + ")");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
