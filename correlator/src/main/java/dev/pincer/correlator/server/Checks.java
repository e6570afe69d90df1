package dev.pincer.correlator.server;

import dev.pincer.correlator.context.AnalysisShare;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.protocol.ErrorCode;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.verdict.Action;
import dev.pincer.correlator.verdict.Decision;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.util.collection.IntObjectHashMap;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CHECKs of one sensor connection (docs/sensor-protocol.md, "CHECK and VERDICT", "TIMEOUT"):
 * decoded on the connection's event loop, let into their request's analysis share, analysed on
 * the {@link Analysis} executor, and answered back on the loop, in whatever order they finish, each
 * exactly once. A check past its request's share, or that finds the queue full, is decided at once
 * as an analysis limit. Every method runs on the connection's event loop, except the analysis
 * task, which touches only its {@link Pending} until it hands it back.
 *
 * <p>In flight: from decoding until its VERDICT left for the socket, or until the sensor's TIMEOUT
 * for it came (the sensor stopped counting it); past {@code max_in_flight} the connection fails.
 * Verdicts are written as they finish and flushed once per read, or once per batch of verdicts
 * finished between reads.
 *
 * <p>Ownership: frames hold no buffers; the VERDICT's bytes belong to the encoder's write.
 */
final class Checks {
    private static final Logger LOG = LoggerFactory.getLogger(Checks.class);
    /** Why the connection must fail, or {@code null}. */
    record Failure(ErrorCode code, String message) {
    }

    private final ChannelHandlerContext ctx;
    private final SensorSettings settings;
    private final Judge judge;
    private final Analysis analysis;
    private final Outcomes outcomes;
    private final int version;
    private final String sensorId;
    private final IntObjectHashMap<Pending> pending = new IntObjectHashMap<>();
    private final Answered answered;
    private final Counter.Child limitedChecks;
    private final Counter.Child limitedTime;
    private final Counter.Child limitedQueue;
    private final Histogram.Child seconds;
    private final Counter.Child unknownKind;
    private int inFlight;
    private int written;
    private boolean reading;
    private boolean flushScheduled;

    Checks(ChannelHandlerContext ctx, SensorSettings settings, Judge judge, Analysis analysis, Outcomes outcomes,
           int version, String sensorId) {
        this.ctx = ctx;
        this.settings = settings;
        this.judge = judge;
        this.analysis = analysis;
        this.outcomes = outcomes;
        this.version = version;
        this.sensorId = sensorId;
        this.answered = version >= 2 ? new Answered() : null;
        limitedChecks = judge.metrics().analysisLimited.labels("request_checks");
        limitedTime = judge.metrics().analysisLimited.labels("request_time");
        limitedQueue = judge.metrics().analysisLimited.labels("queue_full");
        seconds = judge.metrics().verdictSeconds.labels();
        unknownKind = judge.metrics().protocolErrors.labels(ErrorCode.UNKNOWN_KIND.label());
    }

    /** Frames of one socket read are being handled: verdicts wait for {@link #flush()} at its end. */
    void reading(boolean on) {
        reading = on;
    }

    /** Takes one CHECK; a {@link Failure} means ERROR on stream 0 and close. */
    Failure check(Frame.Check c) {
        if (++inFlight > settings.maxInFlight()) {
            return new Failure(ErrorCode.TOO_MANY_IN_FLIGHT, "more than " + settings.maxInFlight()
                    + " CHECKs outstanding");
        }
        if (c.call() == null) {
            unknownKind.inc();
            written++;
            ctx.write(new Frame.Error(c.stream(), ErrorCode.UNKNOWN_KIND, "unknown sink kind " + c.kindCode()),
                    ctx.voidPromise());
            return null;
        }
        if (pending.containsKey(c.stream())) {
            return new Failure(ErrorCode.MALFORMED, "CHECK on stream " + Integer.toUnsignedString(c.stream())
                    + ", which is still outstanding");
        }
        RequestContext rc = judge.context(c.call().contextId());
        Pending p = new Pending(c.stream(), c.call(), rc, analysis.now());
        pending.put(c.stream(), p);
        AnalysisShare.Refusal refused = rc == null ? null
                : rc.analysisShare().tryEnter(analysis.requestChecks(), analysis.requestNanos());
        if (refused != null) {
            (refused == AnalysisShare.Refusal.CHECKS ? limitedChecks : limitedTime).inc();
            p.decision = judge.limited(p.call, rc, refused == AnalysisShare.Refusal.CHECKS
                    ? "request exceeded its analysis share (" + analysis.requestChecks() + " checks at once)"
                    : "request exceeded its analysis share (" + analysis.requestNanos() / 1_000_000 + " ms of analysis)");
            finish(p);
            return null;
        }
        p.inShare = rc != null;
        if (!analysis.submit(() -> analyse(p))) {
            leaveShare(p, 0);
            limitedQueue.inc();
            p.decision = judge.limited(p.call, rc, "correlator overloaded: the analysis queue is full");
            finish(p);
        }
        return null;
    }

    /** On an analysis thread: decide, leave the share, hand the check back to the loop. */
    private void analyse(Pending p) {
        long start = analysis.now();
        try {
            p.decision = judge.analyze(p.call, p.ctx);
        } catch (RuntimeException | Error e) {
            LOG.warn("analysis of a {} check failed; decided as an analysis limit", p.call.kind().label(), e);
            p.decision = judge.limited(p.call, p.ctx, "analysis failed: " + e.getClass().getSimpleName());
        } finally {
            leaveShare(p, analysis.now() - start);
        }
        EventLoop loop = ctx.channel().eventLoop();
        if (loop.inEventLoop()) {
            finish(p);
            return;
        }
        try {
            loop.execute(() -> finish(p));
        } catch (RejectedExecutionException stopped) {
            LOG.debug("sensor {}: event loop stopped before a verdict could be written", sensorId);
        }
    }

    private static void leaveShare(Pending p, long nanos) {
        if (p.inShare) {
            p.inShare = false;
            p.ctx.analysisShare().exit(nanos);
        }
    }

    /** On the loop: say what happened to the sink, write the VERDICT, remember it for a late TIMEOUT. */
    private void finish(Pending p) {
        pending.remove(p.stream);
        Decision d = p.decision;
        boolean open = ctx.channel().isActive();
        if (p.timeout != null) {
            outcomes.late(Outcomes.action(p.timeout), p, sensorId, Outcomes.TIMED_OUT);
        } else if (!open) {
            outcomes.late(Action.LATE, p, sensorId, Outcomes.CLOSED);
        } else if (version < 2 && analysis.now() - p.decodedAt > settings.verdictTimeoutMs() * 1_000_000L) {
            outcomes.late(Action.LATE, p, sensorId, Outcomes.JUDGED_LATE);
        } else {
            outcomes.inTime(p, sensorId);
        }
        if (!open) {
            return;
        }
        seconds.observe((analysis.now() - p.decodedAt) * 1e-9);
        ctx.write(new Frame.Verdict(p.stream, d.verdict().code(), d.cache().code(), d.wireAttackClass(),
                reason(d.wireReason())), ctx.voidPromise());
        if (p.counted) {
            written++;
        }
        if (answered != null && p.timeout == null) {
            answered.remember(p);
        }
        if (!reading && !flushScheduled) {
            flushScheduled = true;
            ctx.channel().eventLoop().execute(this::flush);
        }
    }

    /** A version 2 sensor stopped waiting for {@code t}'s stream. */
    void timeout(Frame.Timeout t) {
        outcomes.timeoutFrame(t);
        Pending p = pending.get(t.stream());
        if (p != null) {
            if (p.timeout == null) {
                p.timeout = t;
                if (p.counted) {
                    p.counted = false;
                    inFlight--;
                }
            }
            return;
        }
        Answered.Answer a = answered.take(t.stream());
        if (a != null) {
            outcomes.lateAfterAnswer(t, a, sensorId);
        } else {
            outcomes.unknown(t, sensorId);
        }
    }

    /**
     * Flushes what was written; those verdicts stop counting as in flight once their bytes left for
     * the socket: at once when the flush wrote everything (the usual case, no allocation), else when
     * the socket has taken the rest.
     */
    void flush() {
        flushScheduled = false;
        ctx.flush();
        if (written == 0) {
            return;
        }
        int done = written;
        written = 0;
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        if (out == null || out.isEmpty()) {
            inFlight -= done;
        } else {
            ChannelPromise sent = ctx.newPromise();
            sent.addListener(f -> inFlight -= done);
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER, sent);
        }
    }

    /** Reasons are one sentence; a runaway one is cut so a VERDICT stays far below 64 KiB. */
    private static String reason(String r) {
        return r.length() <= 1024 ? r : r.substring(0, 1024);
    }
}
