package dev.pincer.correlator.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Bytes to {@link Frame}s: {@code length:u32 type:u8 stream:u32 payload} (docs/sensor-protocol.md,
 * "Frames"). First inbound handler of a sensor connection, after the socket. A {@code length} over
 * {@code maxFrame} is refused as soon as its four bytes are in, before any of the body is read or
 * buffered ({@link ErrorCode#TOO_LARGE}); a frame that does not parse is {@link ErrorCode#MALFORMED}.
 * Either way the decoder throws a {@link ProtocolException} once and from then on discards
 * everything the connection sends, so nothing after a bad frame is ever acted on.
 *
 * <p>Ownership: the cumulated input belongs to {@link ByteToMessageDecoder}, which releases it; the
 * frames emitted hold no buffers (strings and arrays are copied out).
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private final int maxFrame;
    private boolean failed;

    /** @param maxFrame the largest {@code length} accepted, announced in WELCOME */
    public FrameDecoder(int maxFrame) {
        if (maxFrame < Protocol.MIN_LENGTH) {
            throw new IllegalArgumentException("maxFrame: " + maxFrame + " (expected: at least 5)");
        }
        this.maxFrame = maxFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            Frame f = decodeOne(in, maxFrame);
            if (f != null) {
                out.add(f);
            }
        } catch (ProtocolException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    /**
     * Decodes the frame at {@code in}'s reader index and moves past it, or returns {@code null}
     * (index unmoved) while the frame is incomplete. Also used by blocking test clients.
     *
     * @throws ProtocolException for a frame over {@code maxFrame}, under 5 bytes, or malformed
     */
    public static Frame decodeOne(ByteBuf in, int maxFrame) {
        if (in.readableBytes() < Protocol.LENGTH_BYTES) {
            return null;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > maxFrame) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "frame of " + length + " bytes (limit " + maxFrame + ")");
        }
        if (length < Protocol.MIN_LENGTH) {
            throw FrameReader.malformed("frame length " + length + " (at least 5)");
        }
        if (in.readableBytes() < Protocol.LENGTH_BYTES + length) {
            return null;
        }
        int start = in.readerIndex() + Protocol.LENGTH_BYTES;
        Frame f = FrameParser.parse(in, start, (int) length);
        in.readerIndex(start + (int) length);
        return f;
    }
}
