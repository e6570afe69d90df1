package dev.pincer.proxy.http1;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time a client may take to send a request head (the slowloris defence; RFC 9110
 * §15.5.9, 408 Request Timeout). Sits right after {@link StrictHttpRequestDecoder}:
 * {@code StrictHttpRequestDecoder -> HeadTimeoutHandler -> frontend handler}.
 *
 * <p>Ownership: passes every message on untouched, except after it has fired its rejection: then
 * the connection is done for and it releases whatever still arrives.
 *
 * <p>The timer is armed when the channel becomes active and when the decoder fires
 * {@link StrictHttpRequestDecoder#HEAD_STARTED}; arming an armed timer keeps the first deadline, so
 * a head started late in the first window does not get a second window. An {@link HttpRequest}
 * (the head was read) or an {@link HttpRejection} (the decoder gave up) passing through disarms it.
 * Between requests of a keep-alive connection it is not armed: idleness there is another
 * handler's business. On expiry it fires {@code HttpRejection(HEADER_TIMEOUT)} inbound, then
 * {@code channelReadComplete} so that the frontend flushes its answer.
 */
public final class HeadTimeoutHandler extends ChannelInboundHandlerAdapter {

    private final long timeoutNanos;
    private ScheduledFuture<?> timer;
    private boolean expired;

    public HeadTimeoutHandler(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: a positive duration)");
        }
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == StrictHttpRequestDecoder.HEAD_STARTED && !expired) {
            arm(ctx);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (expired) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest || msg instanceof HttpRejection) {
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    private void arm(ChannelHandlerContext ctx) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        if (timer == null || expired || ctx.isRemoved()) {
            return;
        }
        timer = null;
        expired = true;
        ctx.fireChannelRead(new HttpRejection(RejectReason.HEADER_TIMEOUT, "request head not received in time"));
        ctx.fireChannelReadComplete();
    }
}
