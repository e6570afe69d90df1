package dev.pincer.sensor.client;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One authenticated connection to the correlator, at the protocol version the handshake agreed: the
 * CHECKs outstanding on it (by stream id), its in-flight window and its {@link FrameWriter}.
 * Created by {@link CorrelatorClient} after WELCOME; closed once, for good, and then replaced by a
 * new one.
 *
 * <p>A CHECK that timed out keeps its stream id and its slot in the window until the correlator
 * answers it (or the connection goes), so ids stay unique among outstanding CHECKs and the window
 * stays what the correlator counts; that late answer is dropped. On a version 2 connection the
 * sensor says so at the moment it gives up, with TIMEOUT, before the sink runs (fail-open) or is
 * stopped (fail-closed); and it sends a request's INPUTS right before that request's first CHECK.
 */
final class Connection {
    final Socket socket;
    final java.io.DataInputStream in;
    /** The protocol version agreed in the handshake. */
    final int version;
    private final FrameWriter out;
    final int maxInFlight;
    final long maxFrame;
    final int mode;
    /** WELCOME's verdict_timeout_ms in nanoseconds; 0 when it suggested none. */
    final long suggestedTimeoutNanos;

    private final Map<Integer, Waiter> pending = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger nextStream = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong late = new java.util.concurrent.atomic.AtomicLong();

    volatile long lastTraffic = System.nanoTime();
    /** When the outstanding PING was sent; 0 when none is. */
    volatile long pingSentAt;
    private volatile boolean closed;

    Connection(Socket socket, java.io.DataInputStream in, Frames.Welcome welcome) throws IOException {
        this.socket = socket;
        this.in = in;
        this.version = welcome.version;
        this.out = new FrameWriter(socket.getOutputStream());
        this.maxInFlight = (int) Math.min(welcome.maxInFlight, Integer.MAX_VALUE);
        this.maxFrame = welcome.maxFrame;
        this.mode = welcome.mode;
        this.suggestedTimeoutNanos = Math.min(welcome.verdictTimeoutMs, 60_000L) * 1_000_000L;
    }

    boolean isClosed() {
        return closed;
    }

    void send(byte[] frame) throws IOException {
        out.send(frame);
        lastTraffic = System.nanoTime();
    }

    /**
     * Sends a CHECK (after its request's INPUTS, when {@code view} still has them to send on this v2
     * connection) and waits for its reply; never throws. {@code failClosed} is what TIMEOUT reports
     * when the wait runs out.
     */
    Reply check(String ctx, int kind, java.util.List<String> args, java.util.List<String> attrs, String stack,
            long timeoutNanos, AppView view, boolean failClosed) {
        if (closed) {
            return Reply.DISCONNECTED_REPLY;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return Reply.OVERLOADED_REPLY;
        }
        Waiter waiter = new Waiter(Thread.currentThread());
        int stream;
        do {
            stream = nextStream.incrementAndGet() & 0x7FFFFFFF;
        } while (stream == 0 || pending.putIfAbsent(stream, waiter) != null);
        if (closed) {
            release(stream);
            return Reply.DISCONNECTED_REPLY;
        }

        byte[] frame = Frames.check(stream, ctx, kind, args, attrs, stack);
        if (frame.length - 4 > maxFrame) {
            release(stream);
            return Reply.TOO_LARGE_REPLY;
        }
        byte[] inputs = null;
        if (version >= 2 && view != null && !ctx.isEmpty() && view.pendingOn(this)) {
            inputs = Frames.inputs(ctx, view.collect(), (int) Math.min(AppInputs.MAX_FRAME_BYTES, maxFrame + 4));
        }
        try {
            if (inputs != null) {
                out.send(inputs, frame);
                view.sentOn(this);
            } else {
                out.send(frame);
            }
            lastTraffic = System.nanoTime();
        } catch (IOException e) {
            release(stream);
            close("write failed: " + e.getMessage());
            return Reply.DISCONNECTED_REPLY;
        }
        Reply r = waiter.await(timeoutNanos);
        if (r == null) {
            // Keep the stream and the slot until the correlator answers: it still counts this CHECK.
            if (version >= 2) {
                try {
                    send(Frames.timeout(stream, failClosed));
                } catch (IOException e) {
                    close("write failed: " + e.getMessage());
                }
            }
            return Reply.TIMEOUT_REPLY;
        }
        return r;
    }

    private void release(int stream) {
        if (pending.remove(stream) != null) {
            inFlight.decrementAndGet();
        }
    }

    /**
     * A VERDICT or a stream-level ERROR for {@code stream}; returns false for an unknown stream, or
     * for one whose CHECK already timed out (the reply is dropped: the sink was decided without it).
     */
    boolean complete(int stream, Reply reply) {
        Waiter w = pending.remove(stream);
        if (w == null) {
            return false;
        }
        inFlight.decrementAndGet();
        if (!w.complete(reply)) {
            late.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Replies dropped because their CHECK had timed out. */
    long lateReplies() {
        return late.get();
    }

    int outstanding() {
        return inFlight.get();
    }

    /** Closes the socket and fails every waiting CHECK with DISCONNECTED. Idempotent. */
    void close(String why) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Map.Entry<Integer, Waiter> e : pending.entrySet()) {
            if (pending.remove(e.getKey()) != null) {
                inFlight.decrementAndGet();
                e.getValue().complete(Reply.DISCONNECTED_REPLY);
            }
        }
    }
}
