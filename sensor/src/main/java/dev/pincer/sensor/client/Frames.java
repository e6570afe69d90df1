package dev.pincer.sensor.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The frame codec of protocol versions 1 and 2 (docs/sensor-protocol.md, section 2). Version 2
 * adds two sensor-to-correlator frames: {@link #INPUTS} (the app's own view of a request) and
 * {@link #TIMEOUT} (the sensor stopped waiting for a CHECK's VERDICT).
 *
 * <pre>
 * frame   = length:u32  type:u8  stream:u32  payload      (length counts type + stream + payload)
 * str     = n:u32  n bytes of UTF-8
 * strlist = count:u16  str * count
 * attrs   = count:u16  (key:str  value:str) * count
 * </pre>
 *
 * <p>Encoding builds whole frames as byte arrays, so a frame is written with one call. Decoding is
 * strict: bytes left over, a string running past the frame, an unknown type or a frame over the
 * sensor's 64 KiB limit are {@link ProtocolException}s.
 */
public final class Frames {
    public static final int CHALLENGE = 0x01;
    public static final int HELLO = 0x02;
    public static final int WELCOME = 0x03;
    public static final int CHECK = 0x10;
    public static final int VERDICT = 0x11;
    /** v2: the app's own view of a request's inputs, stream 0, before that request's first CHECK. */
    public static final int INPUTS = 0x12;
    public static final int PING = 0x20;
    public static final int PONG = 0x21;
    public static final int REPORT = 0x30;
    /** v2: the sensor stopped waiting for the CHECK on this stream ({@code applied:u8}). */
    public static final int TIMEOUT = 0x31;
    public static final int ERROR = 0x7F;

    public static final int ERR_MALFORMED = 1;
    public static final int ERR_TOO_LARGE = 2;
    public static final int ERR_UNAUTHENTICATED = 3;
    public static final int ERR_AUTH_FAILED = 4;
    public static final int ERR_UNSUPPORTED_VERSION = 5;
    public static final int ERR_TOO_MANY_IN_FLIGHT = 6;
    public static final int ERR_TOO_MANY_SENSORS = 7;
    public static final int ERR_HANDSHAKE_TIMEOUT = 8;
    public static final int ERR_SHUTTING_DOWN = 9;
    public static final int ERR_UNKNOWN_KIND = 10;

    /** The highest protocol version this sensor speaks; it also speaks every version from {@link #MIN_VERSION}. */
    public static final int VERSION = 2;
    public static final int MIN_VERSION = 1;
    /** A sensor refuses correlator frames over 64 KiB (the spec's limit). */
    public static final int MAX_INBOUND = 64 * 1024;
    /** The spec's limits on a CHECK. */
    public static final int MAX_ARGS = 1024;
    public static final int MAX_ATTRS = 64;
    public static final int MAX_STACK_BYTES = 2048;
    /** HELLO's sensor_id, runtime and app: at most 256 bytes each. */
    public static final int MAX_HELLO_STRING = 256;

    private Frames() {
    }

    /** A decoded frame: type, stream and the raw payload. */
    public static final class Frame {
        public final int type;
        public final int stream;
        public final byte[] payload;

        public Frame(int type, int stream, byte[] payload) {
            this.type = type;
            this.stream = stream;
            this.payload = payload;
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /**
     * Reads one frame. Refuses (before reading its body) a frame whose length is over
     * {@code maxLength}; refuses unknown types.
     */
    public static Frame read(DataInputStream in, int maxLength) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw new EOFException("connection closed");
        }
        long length = ((long) b0 << 24) | ((long) in.readUnsignedByte() << 16) | ((long) in.readUnsignedByte() << 8)
                | in.readUnsignedByte();
        if (length > maxLength) {
            throw new ProtocolException(ERR_TOO_LARGE, "frame of " + length + " bytes is over " + maxLength);
        }
        if (length < 5) {
            throw new ProtocolException(ERR_MALFORMED, "frame length " + length + " is under 5");
        }
        int type = in.readUnsignedByte();
        int stream = in.readInt();
        byte[] payload = new byte[(int) length - 5];
        in.readFully(payload);
        if (!knownType(type)) {
            throw new ProtocolException(ERR_MALFORMED, "unknown frame type 0x" + Integer.toHexString(type));
        }
        return new Frame(type, stream, payload);
    }

    static boolean knownType(int type) {
        switch (type) {
            case CHALLENGE:
            case HELLO:
            case WELCOME:
            case CHECK:
            case VERDICT:
            case INPUTS:
            case TIMEOUT:
            case PING:
            case PONG:
            case REPORT:
            case ERROR:
                return true;
            default:
                return false;
        }
    }

    /** A strict cursor over a payload. */
    public static final class Cursor {
        private final byte[] b;
        private int pos;

        public Cursor(byte[] b) {
            this.b = b;
        }

        private void need(int n) throws ProtocolException {
            if (n < 0 || b.length - pos < n) {
                throw new ProtocolException(ERR_MALFORMED, "payload ends early");
            }
        }

        public int u8() throws ProtocolException {
            need(1);
            return b[pos++] & 0xFF;
        }

        public int u16() throws ProtocolException {
            need(2);
            int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        public long u32() throws ProtocolException {
            need(4);
            long v = ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
                    | (b[pos + 3] & 0xFF);
            pos += 4;
            return v;
        }

        public byte[] bytes(int n) throws ProtocolException {
            need(n);
            byte[] out = new byte[n];
            System.arraycopy(b, pos, out, 0, n);
            pos += n;
            return out;
        }

        public String str() throws ProtocolException {
            long n = u32();
            if (n > b.length - pos) {
                throw new ProtocolException(ERR_MALFORMED, "string runs past the frame");
            }
            String s = new String(b, pos, (int) n, StandardCharsets.UTF_8);
            pos += (int) n;
            return s;
        }

        /** Throws when bytes are left over. */
        public void end() throws ProtocolException {
            if (pos != b.length) {
                throw new ProtocolException(ERR_MALFORMED, (b.length - pos) + " bytes left over in the payload");
            }
        }
    }

    /** CHALLENGE: {@code min_version:u16 max_version:u16 nonce:32 bytes}. */
    public static final class Challenge {
        public final int minVersion;
        public final int maxVersion;
        public final byte[] nonce;

        Challenge(int minVersion, int maxVersion, byte[] nonce) {
            this.minVersion = minVersion;
            this.maxVersion = maxVersion;
            this.nonce = nonce;
        }

        public static Challenge parse(byte[] payload) throws ProtocolException {
            Cursor c = new Cursor(payload);
            Challenge ch = new Challenge(c.u16(), c.u16(), c.bytes(32));
            c.end();
            return ch;
        }
    }

    /** WELCOME: {@code version:u16 max_frame:u32 max_in_flight:u32 verdict_timeout_ms:u32 mode:u8}. */
    public static final class Welcome {
        public final int version;
        public final long maxFrame;
        public final long maxInFlight;
        public final long verdictTimeoutMs;
        public final int mode;

        Welcome(int version, long maxFrame, long maxInFlight, long verdictTimeoutMs, int mode) {
            this.version = version;
            this.maxFrame = maxFrame;
            this.maxInFlight = maxInFlight;
            this.verdictTimeoutMs = verdictTimeoutMs;
            this.mode = mode;
        }

        public static Welcome parse(byte[] payload) throws ProtocolException {
            Cursor c = new Cursor(payload);
            Welcome w = new Welcome(c.u16(), c.u32(), c.u32(), c.u32(), c.u8());
            c.end();
            return w;
        }
    }

    /** VERDICT: {@code verdict:u8 cache:u8 attack_class:str reason:str}. */
    public static final class VerdictFrame {
        public final int verdict;
        public final int cache;
        public final String attackClass;
        public final String reason;

        public VerdictFrame(int verdict, int cache, String attackClass, String reason) {
            this.verdict = verdict;
            this.cache = cache;
            this.attackClass = attackClass;
            this.reason = reason;
        }

        public static VerdictFrame parse(byte[] payload) throws ProtocolException {
            Cursor c = new Cursor(payload);
            VerdictFrame v = new VerdictFrame(c.u8(), c.u8(), c.str(), c.str());
            c.end();
            return v;
        }
    }

    /** ERROR: {@code code:u16 message:str}. */
    public static final class ErrorFrame {
        public final int code;
        public final String message;

        ErrorFrame(int code, String message) {
            this.code = code;
            this.message = message;
        }

        public static ErrorFrame parse(byte[] payload) throws ProtocolException {
            Cursor c = new Cursor(payload);
            ErrorFrame e = new ErrorFrame(c.u16(), c.str());
            c.end();
            return e;
        }
    }

    /** PING/PONG: exactly 8 bytes of data. */
    public static byte[] parsePingData(byte[] payload) throws ProtocolException {
        Cursor c = new Cursor(payload);
        byte[] data = c.bytes(8);
        c.end();
        return data;
    }

    /** The name of an ERROR code, as the spec's table has it. */
    public static String errorName(int code) {
        switch (code) {
            case ERR_MALFORMED: return "malformed";
            case ERR_TOO_LARGE: return "too_large";
            case ERR_UNAUTHENTICATED: return "unauthenticated";
            case ERR_AUTH_FAILED: return "auth_failed";
            case ERR_UNSUPPORTED_VERSION: return "unsupported_version";
            case ERR_TOO_MANY_IN_FLIGHT: return "too_many_in_flight";
            case ERR_TOO_MANY_SENSORS: return "too_many_sensors";
            case ERR_HANDSHAKE_TIMEOUT: return "handshake_timeout";
            case ERR_SHUTTING_DOWN: return "shutting_down";
            case ERR_UNKNOWN_KIND: return "unknown_kind";
            default: return "code " + code;
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Builds one frame; {@link #toByteArray()} fills in the length. */
    public static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        public Builder(int type, int stream) {
            u32(0); // length, patched at the end
            u8(type);
            u32(stream & 0xFFFFFFFFL);
        }

        public Builder u8(int v) {
            out.write(v);
            return this;
        }

        public Builder u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        public Builder u32(long v) {
            out.write((int) (v >>> 24));
            out.write((int) (v >>> 16));
            out.write((int) (v >>> 8));
            out.write((int) v);
            return this;
        }

        public Builder bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        public Builder str(String s) {
            byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
            u32(b.length);
            return bytes(b);
        }

        /** A string cut (on a character boundary) to at most {@code maxBytes} UTF-8 bytes. */
        public Builder str(String s, int maxBytes) {
            return str(truncateUtf8(s == null ? "" : s, maxBytes));
        }

        public Builder strlist(List<String> items) {
            u16(items.size());
            for (String s : items) {
                str(s);
            }
            return this;
        }

        /** {@code pairs} holds key, value, key, value... */
        public Builder attrs(List<String> pairs) {
            u16(pairs.size() / 2);
            for (String s : pairs) {
                str(s);
            }
            return this;
        }

        public byte[] toByteArray() {
            byte[] b = out.toByteArray();
            int length = b.length - 4;
            b[0] = (byte) (length >>> 24);
            b[1] = (byte) (length >>> 16);
            b[2] = (byte) (length >>> 8);
            b[3] = (byte) length;
            return b;
        }
    }

    public static byte[] hello(int version, byte[] proof, String sensorId, String runtime, String app) {
        return new Builder(HELLO, 0).u16(version).bytes(proof).str(sensorId, MAX_HELLO_STRING)
                .str(runtime, MAX_HELLO_STRING).str(app, MAX_HELLO_STRING).toByteArray();
    }

    /** {@code args} at most 1024, {@code attrPairs} at most 64 pairs; the stack is cut to 2 KiB. */
    public static byte[] check(int stream, String ctx, int kind, List<String> args, List<String> attrPairs,
            String stack) {
        if (stream == 0) {
            throw new IllegalArgumentException("a CHECK needs a non-zero stream");
        }
        if (args.size() > MAX_ARGS || attrPairs.size() / 2 > MAX_ATTRS || attrPairs.size() % 2 != 0) {
            throw new IllegalArgumentException("too many args or attrs");
        }
        return new Builder(CHECK, stream).str(ctx).u8(kind).u8(0).strlist(args).attrs(attrPairs)
                .str(stack, MAX_STACK_BYTES).toByteArray();
    }

    /**
     * v2 TIMEOUT for the CHECK on {@code stream}: {@code applied} 0 = fail-open (the sink runs),
     * 1 = fail-closed (the sink is stopped).
     */
    public static byte[] timeout(int stream, boolean failClosed) {
        if (stream == 0) {
            throw new IllegalArgumentException("a TIMEOUT needs the CHECK's stream");
        }
        return new Builder(TIMEOUT, stream).u8(failClosed ? 1 : 0).toByteArray();
    }

    /**
     * v2 INPUTS: {@code ctx:str flags:u8 count:u16 (source:u8 name:str value:str) * count}, on
     * stream 0. Entries that would take the whole frame over {@code maxFrameBytes} (length prefix
     * included) are left out, and then the truncated flag is set, as it is when {@code inputs} is
     * already truncated.
     */
    public static byte[] inputs(String ctx, AppInputs inputs, int maxFrameBytes) {
        byte[] ctxBytes = ctx.getBytes(StandardCharsets.UTF_8);
        long size = 4 + 1 + 4 + 4 + ctxBytes.length + 1 + 2;
        int n = inputs.size();
        byte[][] names = new byte[n][];
        byte[][] values = new byte[n][];
        int fit = 0;
        for (; fit < n; fit++) {
            byte[] name = inputs.name(fit).getBytes(StandardCharsets.UTF_8);
            byte[] value = inputs.value(fit).getBytes(StandardCharsets.UTF_8);
            long entry = 1 + 4 + name.length + 4 + value.length;
            if (size + entry > maxFrameBytes) {
                break;
            }
            size += entry;
            names[fit] = name;
            values[fit] = value;
        }
        boolean truncated = inputs.truncated() || fit < n;
        Builder b = new Builder(INPUTS, 0).str(ctx).u8(truncated ? 1 : 0).u16(fit);
        for (int i = 0; i < fit; i++) {
            b.u8(inputs.source(i)).u32(names[i].length).bytes(names[i]).u32(values[i].length).bytes(values[i]);
        }
        return b.toByteArray();
    }

    public static byte[] ping(int stream, byte[] data) {
        return new Builder(PING, stream).bytes(data).toByteArray();
    }

    public static byte[] pong(int stream, byte[] data) {
        return new Builder(PONG, stream).bytes(data).toByteArray();
    }

    public static byte[] report(long failOpen, long failClosed, long timeouts) {
        return new Builder(REPORT, 0).u32(clampU32(failOpen)).u32(clampU32(failClosed)).u32(clampU32(timeouts))
                .toByteArray();
    }

    public static byte[] error(int stream, int code, String message) {
        return new Builder(ERROR, stream).u16(code).str(message, 1024).toByteArray();
    }

    static long clampU32(long v) {
        return v < 0 ? 0 : Math.min(v, 0xFFFFFFFFL);
    }

    /** {@code s} cut so that its UTF-8 form is at most {@code maxBytes}, never inside a character. */
    public static String truncateUtf8(String s, int maxBytes) {
        if (s.length() * 3 <= maxBytes) {
            return s;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int n;
            if (c < 0x80) {
                n = 1;
            } else if (c < 0x800) {
                n = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n = 4;
            } else {
                n = 3;
            }
            if (bytes + n > maxBytes) {
                return s.substring(0, i);
            }
            bytes += n;
            if (n == 4) {
                i++;
            }
        }
        return s;
    }
}
