package dev.pincer.correlator.server;

import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.verdict.Decision;

/**
 * One CHECK of a connection, from decoding until its VERDICT is written (and, on a version 2
 * connection, a while after, in case a TIMEOUT for it was already on the way). Owned by the
 * connection's event loop; {@link #decision} is written by an analysis thread before it hands the
 * check back to the loop (the hand-over is the happens-before edge).
 */
final class Pending {
    final int stream;
    final SinkCall call;
    /** The live context when the CHECK was decoded, or {@code null}. */
    final RequestContext ctx;
    /** {@link Analysis#now()} when the CHECK was decoded. */
    final long decodedAt;
    /** Whether the check was let into its request's analysis share (so it must leave it). */
    boolean inShare;
    Decision decision;
    /** The sensor's TIMEOUT for this check, once it came. */
    Frame.Timeout timeout;
    /** Still counted against {@code max_in_flight}: until its VERDICT left, or a TIMEOUT came. */
    boolean counted = true;
    /** Its block verdict was written in time and counted on the context as a stopped sink (see {@link Answered}). */
    boolean stoppedSink;

    Pending(int stream, SinkCall call, RequestContext ctx, long decodedAt) {
        this.stream = stream;
        this.call = call;
        this.ctx = ctx;
        this.decodedAt = decodedAt;
    }
}
