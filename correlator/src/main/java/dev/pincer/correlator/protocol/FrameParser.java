package dev.pincer.correlator.protocol;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import io.netty.buffer.ByteBuf;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;

/**
 * Turns one whole frame (type, stream, payload) into a {@link Frame}, for both directions. The
 * payload layouts are the table "Frame types" of docs/sensor-protocol.md; the limits (HELLO
 * strings, args, attrs, stack) those of "Handshake" and "CHECK and VERDICT". Anything that does not
 * parse exactly is a {@link ErrorCode#MALFORMED} {@link ProtocolException}.
 */
final class FrameParser {
    private FrameParser() {
    }

    /**
     * @param buf    holds the frame; neither its indexes nor its reference count are touched
     * @param index  where the type byte is
     * @param length the frame's {@code length} field: type + stream + payload, at least 5
     */
    static Frame parse(ByteBuf buf, int index, int length) {
        int code = buf.getUnsignedByte(index);
        int stream = buf.getInt(index + 1);
        FrameType type = FrameType.ofCode(code);
        if (type == null) {
            throw FrameReader.malformed("unknown frame type 0x" + Integer.toHexString(code));
        }
        FrameReader r = new FrameReader(buf, index + Protocol.MIN_LENGTH, index + length);
        Frame f = switch (type) {
            case CHALLENGE -> new Frame.Challenge(r.u16(), r.u16(), r.bytes(Protocol.NONCE_BYTES));
            case HELLO -> new Frame.Hello(r.u16(), r.bytes(Protocol.PROOF_BYTES),
                    r.str(Protocol.MAX_HELLO_STRING_BYTES, "sensor_id"),
                    r.str(Protocol.MAX_HELLO_STRING_BYTES, "runtime"),
                    r.str(Protocol.MAX_HELLO_STRING_BYTES, "app"));
            case WELCOME -> new Frame.Welcome(r.u16(), (int) r.u32(), (int) r.u32(), (int) r.u32(), r.u8());
            case CHECK -> check(stream, r);
            case VERDICT -> new Frame.Verdict(stream, r.u8(), r.u8(), r.str(Integer.MAX_VALUE, "attack_class"),
                    r.str(Integer.MAX_VALUE, "reason"));
            case PING -> new Frame.Ping(stream, r.u64());
            case PONG -> new Frame.Pong(stream, r.u64());
            case REPORT -> new Frame.Report(r.u32(), r.u32(), r.u32());
            case INPUTS -> AppInputsCodec.parse(stream, r);
            case TIMEOUT -> timeout(stream, r);
            case ERROR -> new Frame.Error(stream, r.u16(), r.str(Integer.MAX_VALUE, "message"));
        };
        r.end(type.name());
        return f;
    }

    /** {@code applied:u8}, 0 or 1, on the CHECK's (non-zero) stream. */
    private static Frame.Timeout timeout(int stream, FrameReader r) {
        if (stream == 0) {
            throw FrameReader.malformed("TIMEOUT on stream 0");
        }
        int applied = r.u8();
        if (applied != Protocol.APPLIED_FAIL_OPEN && applied != Protocol.APPLIED_FAIL_CLOSED) {
            throw FrameReader.malformed("TIMEOUT applied " + applied + " (expected 0 or 1)");
        }
        return new Frame.Timeout(stream, applied);
    }

    /** {@code ctx:str kind:u8 flags:u8 args:strlist attrs:attrs stack:str}; flags are ignored. */
    private static Frame.Check check(int stream, FrameReader r) {
        if (stream == 0) {
            throw FrameReader.malformed("CHECK on stream 0");
        }
        String ctx = r.str(Integer.MAX_VALUE, "ctx");
        int kindCode = r.u8();
        r.u8();
        int argc = r.u16();
        if (argc > Protocol.MAX_ARGS) {
            throw FrameReader.malformed("CHECK with " + argc + " args (at most " + Protocol.MAX_ARGS + ")");
        }
        String[] args = new String[argc];
        for (int i = 0; i < argc; i++) {
            args[i] = r.str(Integer.MAX_VALUE, "arg");
        }
        int attrc = r.u16();
        if (attrc > Protocol.MAX_ATTRS) {
            throw FrameReader.malformed("CHECK with " + attrc + " attrs (at most " + Protocol.MAX_ATTRS + ")");
        }
        Map<String, String> attrs = attrc == 0 ? Map.of() : attrs(r, attrc);
        String stack = r.str(Protocol.MAX_STACK_BYTES, "stack");
        SinkKind kind = SinkKind.ofCode(kindCode);
        SinkCall call = kind == null ? null : new SinkCall(ctx, kind, List.of(args), attrs, stack);
        return new Frame.Check(stream, kindCode, call);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> attrs(FrameReader r, int count) {
        Map.Entry<String, String>[] entries = new Map.Entry[count];
        for (int i = 0; i < count; i++) {
            entries[i] = new SimpleImmutableEntry<>(r.str(Integer.MAX_VALUE, "attr key"),
                    r.str(Integer.MAX_VALUE, "attr value"));
        }
        try {
            return Map.ofEntries(entries);
        } catch (IllegalArgumentException duplicate) {
            throw FrameReader.malformed("CHECK repeats an attr key");
        }
    }
}
