package dev.pincer.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * One load-generating sensor connection for {@link CorrelatorLoad}, written from
 * docs/sensor-protocol.md alone (it shares no code with the correlator, so it also checks the wire
 * format). Runs on one client event loop; after a {@code LengthFieldBasedFrameDecoder} that strips
 * the length, so it receives {@code type stream payload} buffers, which it releases.
 *
 * <p>Each CHECK's stream id indexes a ring of send times; a VERDICT's latency is the time from
 * the CHECK's <em>intended</em> send time (fixed rate) or actual send time (flat out) to its arrival.
 */
final class CorrelatorLoadClient extends ChannelInboundHandlerAdapter {
    private static final int RING = 1 << 16;

    private final String token;
    private final byte[] checkTemplate;
    private final long[] sentAt = new long[RING];
    private final CompletableFuture<Channel> ready = new CompletableFuture<>();
    private final boolean closedLoop;
    private volatile Histogram histogram = newHistogram();
    private Channel channel;
    private long nextStream;
    private long answered;
    private long unexpected;
    private long outstanding;

    /**
     * @param checkTemplate a whole CHECK frame (length prefix included) with stream 0, patched per send
     * @param closedLoop    send a new CHECK for every VERDICT (flat out) instead of on a schedule
     */
    CorrelatorLoadClient(String token, byte[] checkTemplate, boolean closedLoop) {
        this.token = token;
        this.checkTemplate = checkTemplate;
        this.closedLoop = closedLoop;
    }

    static Histogram newHistogram() {
        return new Histogram(60_000_000_000L, 3);
    }

    CompletableFuture<Channel> ready() {
        return ready;
    }

    /** Sends one CHECK (no flush) whose latency counts from {@code intendedNanos}. Event loop only. */
    void send(long intendedNanos) {
        int stream = (int) (nextStream++ % RING) + 1;
        sentAt[stream - 1] = intendedNanos;
        ByteBuf b = channel.alloc().ioBuffer(checkTemplate.length);
        b.writeBytes(checkTemplate);
        b.setInt(5, stream);
        channel.write(b, channel.voidPromise());
        outstanding++;
    }

    /** Swaps in a fresh histogram (end of warm-up) and returns the old one. */
    Histogram reset() {
        Histogram h = histogram;
        histogram = newHistogram();
        return h;
    }

    long answered() {
        return answered;
    }

    long unexpected() {
        return unexpected;
    }

    long outstanding() {
        return outstanding;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        ByteBuf f = (ByteBuf) msg;
        try {
            int type = f.readUnsignedByte();
            int stream = f.readInt();
            switch (type) {
                case 0x01 -> hello(ctx, f);
                case 0x03 -> ready.complete(ctx.channel());
                case 0x11 -> verdict(stream, f.readUnsignedByte());
                case 0x7F -> {
                    unexpected++;
                    int code = f.readUnsignedShort();
                    String m = f.toString(f.readerIndex() + 4, f.readInt(), StandardCharsets.UTF_8);
                    System.err.println("ERROR " + code + " on stream " + stream + ": " + m);
                    ready.completeExceptionally(new IllegalStateException("ERROR " + code + ": " + m));
                }
                default -> unexpected++;
            }
        } finally {
            f.release();
        }
    }

    private void verdict(int stream, int verdict) {
        long now = System.nanoTime();
        histogram.recordValue(Math.max(0, now - sentAt[stream - 1]));
        answered++;
        outstanding--;
        if (verdict != 0) {
            unexpected++;
        }
        if (closedLoop) {
            send(System.nanoTime());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    /** CHALLENGE -> HELLO with proof = HMAC-SHA256(token, "pincer auth v1" || nonce). */
    private void hello(ChannelHandlerContext ctx, ByteBuf f) throws Exception {
        f.skipBytes(4);
        byte[] nonce = new byte[32];
        f.readBytes(nonce);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("pincer auth v1".getBytes(StandardCharsets.US_ASCII));
        byte[] proof = mac.doFinal(nonce);
        byte[] id = ("bench/" + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
        ByteBuf out = ctx.alloc().buffer();
        out.writeInt(0).writeByte(0x02).writeInt(0).writeShort(1).writeBytes(proof);
        out.writeInt(id.length).writeBytes(id).writeInt(4).writeBytes("java".getBytes(StandardCharsets.US_ASCII))
                .writeInt(0);
        out.setInt(0, out.readableBytes() - 4);
        ctx.writeAndFlush(out);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ready.completeExceptionally(cause);
        cause.printStackTrace();
        ctx.close();
    }
}
