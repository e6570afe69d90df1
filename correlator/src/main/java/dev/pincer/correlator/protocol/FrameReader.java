package dev.pincer.correlator.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over one frame's payload, {@code [index, end)} of a buffer it does not
 * own and never moves the reader index of. Every read past {@code end} is a
 * {@link ErrorCode#MALFORMED} {@link ProtocolException}, never an {@code IndexOutOfBounds}.
 */
final class FrameReader {
    private final ByteBuf buf;
    private int index;
    private final int end;

    FrameReader(ByteBuf buf, int index, int end) {
        this.buf = buf;
        this.index = index;
        this.end = end;
    }

    int u8() {
        need(1, "u8");
        return buf.getUnsignedByte(index++);
    }

    int u16() {
        need(2, "u16");
        int v = buf.getUnsignedShort(index);
        index += 2;
        return v;
    }

    long u32() {
        need(4, "u32");
        long v = buf.getUnsignedInt(index);
        index += 4;
        return v;
    }

    long u64() {
        need(8, "8 bytes");
        long v = buf.getLong(index);
        index += 8;
        return v;
    }

    byte[] bytes(int n) {
        need(n, n + " bytes");
        byte[] b = new byte[n];
        buf.getBytes(index, b);
        index += n;
        return b;
    }

    /** {@code str}: {@code n:u32} then n bytes of UTF-8, at most {@code max} bytes. */
    String str(int max, String what) {
        long n = u32();
        if (n > end - index) {
            throw malformed(what + " runs past the frame");
        }
        if (n > max) {
            throw malformed(what + " longer than " + max + " bytes");
        }
        if (n == 0) {
            return "";
        }
        String s = buf.toString(index, (int) n, StandardCharsets.UTF_8);
        index += (int) n;
        return s;
    }

    /** The payload must be used up: bytes left over make the frame malformed. */
    void end(String frame) {
        if (index != end) {
            throw malformed(frame + " has " + (end - index) + " bytes left over");
        }
    }

    private void need(int n, String what) {
        if (end - index < n) {
            throw malformed("frame ends before " + what);
        }
    }

    static ProtocolException malformed(String message) {
        return new ProtocolException(ErrorCode.MALFORMED, message);
    }
}
