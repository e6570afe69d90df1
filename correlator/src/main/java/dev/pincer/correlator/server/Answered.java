package dev.pincer.correlator.server;

import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.verdict.Decision;
import java.util.List;
import java.util.Map;

/**
 * The last {@value #SIZE} checks a version 2 connection answered in time, for a TIMEOUT that
 * crossed its VERDICT on the wire (the sensor gave up just before the VERDICT reached it). Such a
 * TIMEOUT comes within a round trip of the write, so a small ring is enough; an older one is
 * logged as a TIMEOUT for an unknown check. A remembered call keeps at most what its event prints
 * (1024 characters of argument), so the ring stays small whatever the sensor sent. Event-loop only.
 *
 * <p>Example: VERDICT block for stream 7 written, then TIMEOUT 7 arrives: {@link #take(int)} returns
 * the answer, and its block is no longer counted as a stopped sink.
 */
final class Answered {
    static final int SIZE = 256;
    private static final int KEEP_CHARS = 1024;

    /** One answered check: what its corrective event needs. */
    record Answer(int stream, SinkCall call, RequestContext ctx, Decision decision, boolean stoppedSink) {
    }

    private final Answer[] ring = new Answer[SIZE];
    private int next;

    void remember(Pending p) {
        ring[next] = new Answer(p.stream, small(p.call), p.ctx, p.decision, p.stoppedSink);
        next = (next + 1) % SIZE;
    }

    /** The newest answer on {@code stream}, removed; {@code null} when none is remembered. */
    Answer take(int stream) {
        for (int i = 1; i <= SIZE; i++) {
            int at = Math.floorMod(next - i, SIZE);
            Answer a = ring[at];
            if (a != null && a.stream() == stream) {
                ring[at] = null;
                return a;
            }
        }
        return null;
    }

    private static SinkCall small(SinkCall call) {
        int chars = 0;
        for (String a : call.args()) {
            chars += a.length();
        }
        if (chars <= KEEP_CHARS && call.attrs().isEmpty()) {
            return call;
        }
        String shown = call.kind() == SinkKind.EXEC ? String.join(" ", call.args()) : call.arg(0);
        return new SinkCall(call.contextId(), call.kind(),
                List.of(shown.length() <= KEEP_CHARS ? shown : shown.substring(0, KEEP_CHARS)), Map.of(), call.stack());
    }
}
