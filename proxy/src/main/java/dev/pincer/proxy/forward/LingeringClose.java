package dev.pincer.proxy.forward;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP/1.1 connection in stages (RFC 9112 §9.6), the way nginx's {@code lingering_close}
 * does: after the last response byte the write side is shut (FIN, or TLS {@code close_notify}),
 * and what the client still sends, typically the rest of a body Pincer refused (a 413 before the
 * body ended), is read and discarded until the client closes. Closing at once instead would leave
 * those bytes unread, and the kernel would answer them with a reset that can destroy the response
 * before the client reads it: the client would see "connection reset" instead of the 413.
 *
 * <p>Bounded: the connection closes {@link #IDLE} after the last byte read, and {@link #TOTAL}
 * after lingering began, whatever the client does. Nothing read here reaches the decoder or any
 * handler after it. The connection stays counted among the active ones while it lingers.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {
    /** The longest a client may go on sending after the response. */
    static final Duration TOTAL = Duration.ofSeconds(5);
    /** The longest pause between two reads while lingering. */
    static final Duration IDLE = Duration.ofSeconds(1);
    private static final String NAME = "linger";

    private ScheduledFuture<?> idle;

    private LingeringClose() {
    }

    /**
     * Once {@code lastWrite} is done, lingers on {@code channel} (an HTTP/1.1 client connection
     * whose pipeline has the {@code decoder} handler); closes at once if the write failed.
     */
    static void after(Channel channel, ChannelFuture lastWrite) {
        if (lastWrite == null) {
            begin(channel);
        } else {
            lastWrite.addListener(f -> {
                if (f.isSuccess()) {
                    begin(channel);
                } else {
                    channel.close();
                }
            });
        }
    }

    private static void begin(Channel channel) {
        ChannelPipeline p = channel.pipeline();
        if (!channel.isActive() || !(channel instanceof DuplexChannel duplex) || p.get("decoder") == null
                || p.get(NAME) != null) {
            channel.close();
            return;
        }
        for (String name : new String[] {"head-timeout", "body-timeout", "idle"}) {
            if (p.get(name) != null) {
                p.remove(name);
            }
        }
        p.addBefore("decoder", NAME, new LingeringClose());
        SslHandler tls = p.get(SslHandler.class);
        if (tls != null) {
            tls.closeOutbound().addListener(f -> duplex.shutdownOutput());
        } else {
            duplex.shutdownOutput();
        }
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, TOTAL.toMillis(), TimeUnit.MILLISECONDS);
        channel.read();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        rearm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf) {
            rearm(ctx);
        }
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.read();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (idle != null) {
            idle.cancel(false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void rearm(ChannelHandlerContext ctx) {
        if (idle != null) {
            idle.cancel(false);
        }
        idle = ctx.executor().schedule(() -> {
            ctx.close();
        }, IDLE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
