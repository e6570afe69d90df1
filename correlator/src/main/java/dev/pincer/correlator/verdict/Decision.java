package dev.pincer.correlator.verdict;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import java.util.Objects;

/**
 * The correlator's answer to one sink call: what goes on the wire ({@code verdict}, {@code cache},
 * the finding's class and reason) and what the event says ({@code action}, {@code mode}).
 *
 * @param verdict the wire verdict
 * @param cache   the wire cache scope
 * @param action  what was done, for events and metrics
 * @param mode    the mode the decision was made in
 * @param finding the analyzer's finding, or {@code null} when there was none
 * @param call    the judged call, or {@code null} on the shared no-finding decisions
 */
public record Decision(Verdict verdict, CacheScope cache, Action action, Mode mode, Finding finding,
                       SinkCall call) {
    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(mode, "mode");
    }

    /** This decision with another cache scope (e.g. {@link CacheScope#NONE} for a limit that may pass later). */
    public Decision withCache(CacheScope scope) {
        return scope == cache ? this : new Decision(verdict, scope, action, mode, finding, call);
    }

    /** VERDICT's {@code attack_class}: the finding's label, empty for allow (edge mode included). */
    public String wireAttackClass() {
        return verdict == Verdict.ALLOW || finding == null ? "" : finding.attackClass().label();
    }

    /** VERDICT's {@code reason}: the finding's sentence, empty for allow. */
    public String wireReason() {
        return verdict == Verdict.ALLOW || finding == null ? "" : finding.reason();
    }
}
