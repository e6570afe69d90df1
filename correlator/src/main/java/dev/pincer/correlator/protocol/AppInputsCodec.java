package dev.pincer.correlator.protocol;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of a version 2 INPUTS frame, both ways (docs/sensor-protocol.md, "INPUTS"):
 * {@code ctx:str flags:u8 count:u16 (source:u8 name:str value:str) * count}, on stream 0.
 * {@code count} over {@link Protocol#MAX_APP_INPUTS} or a source byte other than 1, 2, 3 is
 * malformed; reserved flag bits are kept as sent and ignored.
 *
 * <p>Example: {@code s"<ctx>" 00 0001 01 s"id" s"1' OR '1'='1"} is one app parameter
 * {@code id}, nothing cut.
 */
final class AppInputsCodec {
    private AppInputsCodec() {
    }

    static Frame.Inputs parse(int stream, FrameReader r) {
        if (stream != 0) {
            throw FrameReader.malformed("INPUTS on stream " + Integer.toUnsignedString(stream) + " (expected 0)");
        }
        String ctx = r.str(Integer.MAX_VALUE, "ctx");
        int flags = r.u8();
        int count = r.u16();
        if (count > Protocol.MAX_APP_INPUTS) {
            throw FrameReader.malformed("INPUTS with " + count + " entries (at most " + Protocol.MAX_APP_INPUTS + ")");
        }
        List<Input> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            InputSource source = source(r.u8());
            String name = r.str(Integer.MAX_VALUE, "input name");
            String value = r.str(Integer.MAX_VALUE, "input value");
            entries.add(Input.plain(source, name, value));
        }
        return new Frame.Inputs(ctx, flags, entries);
    }

    static void write(ByteBuf out, Frame.Inputs in) {
        FrameEncoder.str(out, in.ctx());
        out.writeByte(in.flags());
        out.writeShort(in.entries().size());
        for (Input e : in.entries()) {
            out.writeByte(code(e.source()));
            FrameEncoder.str(out, e.name());
            FrameEncoder.str(out, e.decoded());
        }
    }

    /** The wire's source byte as an input source. */
    static InputSource source(int code) {
        return switch (code) {
            case Protocol.SOURCE_PARAMETER -> InputSource.APP_PARAMETER;
            case Protocol.SOURCE_HEADER -> InputSource.APP_HEADER;
            case Protocol.SOURCE_COOKIE -> InputSource.APP_COOKIE;
            default -> throw FrameReader.malformed("INPUTS source " + code + " (expected 1, 2 or 3)");
        };
    }

    static int code(InputSource source) {
        return switch (source) {
            case APP_PARAMETER -> Protocol.SOURCE_PARAMETER;
            case APP_HEADER -> Protocol.SOURCE_HEADER;
            case APP_COOKIE -> Protocol.SOURCE_COOKIE;
            default -> throw new IllegalArgumentException("INPUTS carries only app sources, not " + source);
        };
    }
}
