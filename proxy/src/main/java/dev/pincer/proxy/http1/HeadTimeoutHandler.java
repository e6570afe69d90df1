package dev.pincer.proxy.http1;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
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
 *
 * <p>Pipelining (RFC 9112 §9.3.2): the proxy stops reading while it answers a request, so a
 * pipelined head that started arriving meanwhile is not the client's delay. While responses are
 * outstanding (requests seen inbound, final responses not yet fully written outbound), a
 * {@code HEAD_STARTED} only marks the head as pending; the clock starts when the last outstanding
 * response has been written.
 */
public final class HeadTimeoutHandler extends ChannelDuplexHandler {

    private final long timeoutNanos;
    private ScheduledFuture<?> timer;
    private boolean expired;
    /** Requests passed on whose final response has not been fully written yet. */
    private int outstanding;
    /** A head started while responses were outstanding: arm once they are done. */
    private boolean headPending;
    /** The response head being written is 1xx: its LastHttpContent does not end the response. */
    private boolean interim;

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
            if (outstanding > 0) {
                headPending = true;
            } else {
                arm(ctx);
            }
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
            headPending = false;
        }
        if (msg instanceof HttpRequest) {
            outstanding++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse r) {
            interim = r.status().code() / 100 == 1;
        }
        if (msg instanceof LastHttpContent && !interim && outstanding > 0 && --outstanding == 0 && headPending) {
            headPending = false;
            arm(ctx);
        }
        ctx.write(msg, promise);
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
