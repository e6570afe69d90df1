package dev.pincer.correlator.server;

import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.event.SecurityEvent;
import dev.pincer.correlator.event.SecurityLog;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.verdict.Action;
import dev.pincer.correlator.verdict.Decision;
import dev.pincer.correlator.verdict.Verdict;
import io.prometheus.client.Counter;
import java.time.Instant;

/**
 * Honest events (docs/correlation.md): what a check's security event says is what happened to the
 * sink, not what the correlator decided. A verdict the sensor waited for is logged as decided
 * (block, monitor, observed; allows are not logged). A check the sensor stopped waiting for is
 * always an event, {@code fail_open} (sink ran) or {@code fail_closed}, with the finding if the
 * analysis had one; on a version 1 connection, a verdict judged slower than the announced verdict
 * timeout, or one whose connection closed first, is {@code late} (sink assumed to have run). Those
 * are counted in {@code pincer_sink_late_verdicts_total{kind}}. Thread-safe; called on event loops.
 */
final class Outcomes {
    static final String TIMED_OUT = "the sensor stopped waiting for the verdict";
    static final String TIMED_OUT_AFTER = "the sensor stopped waiting just before the verdict reached it";
    static final String JUDGED_LATE = "judged slower than the verdict timeout announced to the sensor";
    static final String CLOSED = "the connection closed before the verdict was written";

    private final Counter.Child[] late = new Counter.Child[SinkKind.values().length];
    private final Counter.Child timeoutOpen;
    private final Counter.Child timeoutClosed;

    Outcomes(CorrelatorMetrics metrics) {
        for (SinkKind k : SinkKind.values()) {
            late[k.ordinal()] = metrics.lateVerdicts.labels(k.label());
        }
        timeoutOpen = metrics.timeoutFrames.labels("fail_open");
        timeoutClosed = metrics.timeoutFrames.labels("fail_closed");
    }

    /** The verdict goes to a sensor still waiting: mark a block as a stopped sink, log a finding as decided. */
    void inTime(Pending p, String sensorId) {
        if (p.decision.verdict() == Verdict.BLOCK && p.ctx != null) {
            p.ctx.markSinkStopped();
            p.stoppedSink = true;
        }
        if (p.decision.finding() != null) {
            SecurityLog.sinkVerdict(SecurityEvent.of(p.decision, p.ctx, sensorId, Instant.now()));
        }
    }

    /** The sensor did not wait for {@code p}'s verdict: {@code outcome} is what it did instead. */
    void late(Action outcome, Pending p, String sensorId, String why) {
        late(outcome, p.call, p.decision, p.ctx, sensorId, why);
    }

    /** A TIMEOUT for a verdict already written: a block there stopped nothing; say what happened. */
    void lateAfterAnswer(Frame.Timeout t, Answered.Answer a, String sensorId) {
        if (a.stoppedSink()) {
            a.ctx().unmarkSinkStopped();
        }
        late(action(t), a.call(), a.decision(), a.ctx(), sensorId, TIMED_OUT_AFTER);
    }

    private void late(Action outcome, SinkCall call, Decision d, RequestContext ctx, String sensorId, String why) {
        late[call.kind().ordinal()].inc();
        SecurityLog.sinkVerdict(SecurityEvent.of(outcome, d, call, ctx, sensorId, Instant.now(), why));
    }

    /** A TIMEOUT for a stream this connection has no record of (long answered, or never sent). */
    void unknown(Frame.Timeout t, String sensorId) {
        SecurityLog.sinkVerdict(SecurityEvent.unknownCheck(action(t), sensorId, Instant.now(),
                "TIMEOUT for stream " + Integer.toUnsignedString(t.stream()) + ", no longer known on this connection"));
    }

    /** Counts a TIMEOUT frame by what the sensor did. */
    void timeoutFrame(Frame.Timeout t) {
        (t.sinkRan() ? timeoutOpen : timeoutClosed).inc();
    }

    static Action action(Frame.Timeout t) {
        return t.sinkRan() ? Action.FAIL_OPEN : Action.FAIL_CLOSED;
    }
}
