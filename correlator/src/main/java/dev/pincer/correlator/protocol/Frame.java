package dev.pincer.correlator.protocol;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.inspection.input.Input;
import java.util.List;
import java.util.Objects;

/**
 * One decoded frame of either direction (docs/sensor-protocol.md, "Frame types"). {@code stream} is
 * the wire's u32 held in an int (print it with {@link Integer#toUnsignedString(int)}); byte arrays
 * are owned by the frame and never changed after decoding.
 */
public sealed interface Frame {
    FrameType type();

    int stream();

    /** Correlator to sensor, stream 0: the versions on offer and a fresh 32-byte nonce. */
    record Challenge(int minVersion, int maxVersion, byte[] nonce) implements Frame {
        public FrameType type() {
            return FrameType.CHALLENGE;
        }

        public int stream() {
            return 0;
        }
    }

    /** Sensor to correlator, stream 0: the chosen version, the 32-byte proof, and who it is. */
    record Hello(int version, byte[] proof, String sensorId, String runtime, String app) implements Frame {
        public FrameType type() {
            return FrameType.HELLO;
        }

        public int stream() {
            return 0;
        }
    }

    /** Correlator to sensor, stream 0: the session's limits and the mode byte. */
    record Welcome(int version, int maxFrame, int maxInFlight, int verdictTimeoutMs, int mode) implements Frame {
        public FrameType type() {
            return FrameType.WELCOME;
        }

        public int stream() {
            return 0;
        }
    }

    /**
     * Sensor to correlator, stream not 0: one sink call. {@code call} is {@code null} exactly when
     * {@code kindCode} names no kind this version knows (answered by a stream-level ERROR
     * {@code unknown_kind}); the rest of such a frame was still checked to be well formed.
     */
    record Check(int stream, int kindCode, SinkCall call) implements Frame {
        public FrameType type() {
            return FrameType.CHECK;
        }
    }

    /** Correlator to sensor, the CHECK's stream: verdict and cache codes, class and reason. */
    record Verdict(int stream, int verdict, int cache, String attackClass, String reason) implements Frame {
        public Verdict {
            Objects.requireNonNull(attackClass, "attackClass");
            Objects.requireNonNull(reason, "reason");
        }

        public FrameType type() {
            return FrameType.VERDICT;
        }
    }

    /**
     * Version 2, sensor to correlator, stream 0: the app's own view of the request {@code ctx}, sent
     * once before its first CHECK that needs a verdict. Entries are {@link Input}s of source
     * {@code APP_PARAMETER}, {@code APP_HEADER} or {@code APP_COOKIE}, raw = decoded = the value as
     * the app sees it; the value may be empty (a name-only entry: names are inputs, see
     * {@code context.AppView}). {@code flags} is the wire byte (bit 0: the sensor cut something).
     */
    record Inputs(String ctx, int flags, List<Input> entries) implements Frame {
        public Inputs {
            Objects.requireNonNull(ctx, "ctx");
            entries = List.copyOf(entries);
        }

        public boolean truncated() {
            return (flags & Protocol.INPUTS_TRUNCATED) != 0;
        }

        public FrameType type() {
            return FrameType.INPUTS;
        }

        public int stream() {
            return 0;
        }
    }

    /**
     * Version 2, sensor to correlator, the stream of a CHECK the sensor stopped waiting for:
     * {@code applied} is {@link Protocol#APPLIED_FAIL_OPEN} (the sink ran) or
     * {@link Protocol#APPLIED_FAIL_CLOSED} (the sensor stopped it).
     */
    record Timeout(int stream, int applied) implements Frame {
        public boolean sinkRan() {
            return applied == Protocol.APPLIED_FAIL_OPEN;
        }

        public FrameType type() {
            return FrameType.TIMEOUT;
        }
    }

    /** Either direction, any stream: 8 bytes to echo in a PONG. */
    record Ping(int stream, long data) implements Frame {
        public FrameType type() {
            return FrameType.PING;
        }
    }

    /** Either direction: the PING's stream and data. */
    record Pong(int stream, long data) implements Frame {
        public FrameType type() {
            return FrameType.PONG;
        }
    }

    /** Sensor to correlator, stream 0: counts since the last REPORT (each a u32). */
    record Report(long failOpen, long failClosed, long timeouts) implements Frame {
        public FrameType type() {
            return FrameType.REPORT;
        }

        public int stream() {
            return 0;
        }
    }

    /**
     * Either direction: stream 0 (connection-level, the sender closes) or a CHECK's stream.
     * {@code code} is the wire number, which may be one this version does not know.
     */
    record Error(int stream, int code, String message) implements Frame {
        public Error {
            Objects.requireNonNull(message, "message");
        }

        public Error(int stream, ErrorCode code, String message) {
            this(stream, code.code(), message);
        }

        public FrameType type() {
            return FrameType.ERROR;
        }
    }
}
