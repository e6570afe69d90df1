package dev.pincer.sensor.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One authenticated connection to the correlator: the CHECKs outstanding on it (by stream id), its
 * in-flight window and its write lock. Created by {@link CorrelatorClient} after WELCOME; closed
 * once, for good, and then replaced by a new one.
 *
 * <p>A CHECK that timed out keeps its stream id and its slot in the window until the correlator
 * answers it (or the connection goes), so ids stay unique among outstanding CHECKs and the window
 * stays what the correlator counts.
 */
final class Connection {
    final Socket socket;
    final java.io.DataInputStream in;
    private final OutputStream out;
    final int maxInFlight;
    final long maxFrame;
    final int mode;
    /** WELCOME's verdict_timeout_ms in nanoseconds; 0 when it suggested none. */
    final long suggestedTimeoutNanos;

    private final Map<Integer, Waiter> pending = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger nextStream = new AtomicInteger();
    private final Object writeLock = new Object();

    volatile long lastTraffic = System.nanoTime();
    /** When the outstanding PING was sent; 0 when none is. */
    volatile long pingSentAt;
    private volatile boolean closed;

    Connection(Socket socket, java.io.DataInputStream in, Frames.Welcome welcome) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        this.maxInFlight = (int) Math.min(welcome.maxInFlight, Integer.MAX_VALUE);
        this.maxFrame = welcome.maxFrame;
        this.mode = welcome.mode;
        this.suggestedTimeoutNanos = Math.min(welcome.verdictTimeoutMs, 60_000L) * 1_000_000L;
    }

    boolean isClosed() {
        return closed;
    }

    void send(byte[] frame) throws IOException {
        synchronized (writeLock) {
            out.write(frame);
            out.flush();
        }
        lastTraffic = System.nanoTime();
    }

    /** Sends a CHECK and waits for its reply; never throws. */
    Reply check(String ctx, int kind, java.util.List<String> args, java.util.List<String> attrs, String stack,
            long timeoutNanos) {
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
        try {
            send(frame);
        } catch (IOException e) {
            release(stream);
            close("write failed: " + e.getMessage());
            return Reply.DISCONNECTED_REPLY;
        }
        Reply r = waiter.await(timeoutNanos);
        if (r == null) {
            // Keep the stream and the slot until the correlator answers: it still counts this CHECK.
            return Reply.TIMEOUT_REPLY;
        }
        return r;
    }

    private void release(int stream) {
        if (pending.remove(stream) != null) {
            inFlight.decrementAndGet();
        }
    }

    /** A VERDICT or a stream-level ERROR for {@code stream}; returns false for an unknown stream. */
    boolean complete(int stream, Reply reply) {
        Waiter w = pending.remove(stream);
        if (w == null) {
            return false;
        }
        inFlight.decrementAndGet();
        w.complete(reply);
        return true;
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
