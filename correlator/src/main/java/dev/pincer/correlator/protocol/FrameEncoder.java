package dev.pincer.correlator.protocol;

import dev.pincer.correlator.sink.SinkCall;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.Map;

/**
 * {@link Frame}s to bytes, the inverse of {@link FrameParser} for both directions. Outbound, last
 * before the socket. Ownership: frames hold no buffers; the encoded buffer is passed on (the write
 * owns it). Stateless and {@link Sharable}.
 */
@Sharable
public final class FrameEncoder extends MessageToByteEncoder<Frame> {
    public static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {
        super(Frame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame f, ByteBuf out) {
        write(f, out);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame f, boolean preferDirect) {
        int size = f instanceof Frame.Verdict v ? 32 + v.attackClass().length() + 3 * v.reason().length() : 64;
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    /** Appends the whole frame, length prefix included, at {@code out}'s writer index. */
    public static void write(Frame f, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeByte(f.type().code());
        out.writeInt(f.stream());
        if (f instanceof Frame.Verdict v) {
            out.writeByte(v.verdict()).writeByte(v.cache());
            str(out, v.attackClass());
            str(out, v.reason());
        } else if (f instanceof Frame.Check c) {
            check(out, c);
        } else if (f instanceof Frame.Ping p) {
            out.writeLong(p.data());
        } else if (f instanceof Frame.Pong p) {
            out.writeLong(p.data());
        } else if (f instanceof Frame.Challenge c) {
            out.writeShort(c.minVersion()).writeShort(c.maxVersion()).writeBytes(c.nonce());
        } else if (f instanceof Frame.Hello h) {
            out.writeShort(h.version()).writeBytes(h.proof());
            str(out, h.sensorId());
            str(out, h.runtime());
            str(out, h.app());
        } else if (f instanceof Frame.Welcome w) {
            out.writeShort(w.version()).writeInt(w.maxFrame()).writeInt(w.maxInFlight())
                    .writeInt(w.verdictTimeoutMs()).writeByte(w.mode());
        } else if (f instanceof Frame.Report r) {
            out.writeInt((int) r.failOpen()).writeInt((int) r.failClosed()).writeInt((int) r.timeouts());
        } else if (f instanceof Frame.Error e) {
            out.writeShort(e.code());
            str(out, e.message());
        } else if (f instanceof Frame.Inputs in) {
            AppInputsCodec.write(out, in);
        } else if (f instanceof Frame.Timeout t) {
            out.writeByte(t.applied());
        }
        out.setInt(start, out.writerIndex() - start - Protocol.LENGTH_BYTES);
    }

    private static void check(ByteBuf out, Frame.Check c) {
        SinkCall call = c.call();
        if (call == null) {
            throw new IllegalArgumentException("a CHECK of unknown kind " + c.kindCode() + " has no call to encode");
        }
        str(out, call.contextId());
        out.writeByte(c.kindCode()).writeByte(0);
        out.writeShort(call.args().size());
        for (String a : call.args()) {
            str(out, a);
        }
        out.writeShort(call.attrs().size());
        for (Map.Entry<String, String> e : call.attrs().entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
        str(out, call.stack());
    }

    /** {@code str}: {@code n:u32} then the UTF-8 bytes. */
    static void str(ByteBuf out, String s) {
        int at = out.writerIndex();
        out.writeInt(0);
        int n = s.isEmpty() ? 0 : ByteBufUtil.reserveAndWriteUtf8(out, s, ByteBufUtil.utf8MaxBytes(s));
        out.setInt(at, n);
    }
}
