package dev.pincer.proxy.http1;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a request body that arrives too slowly, like nginx's {@code client_body_timeout} and
 * Apache's {@code mod_reqtimeout body=...,MinRate=...}: a slow upload must not hold an upstream
 * connection for ever. Sits after the decoder and before the frontend:
 * {@code StrictHttpRequestDecoder -> HeadTimeoutHandler -> BodyTimeoutHandler -> ... -> frontend}
 * (on HTTP/2, per stream after the frame-to-object codec). RFC 9110 §15.5.9 (408).
 *
 * <p>Only time the proxy spends <em>waiting for the client</em> counts: the clock runs from a
 * {@code read()} the frontend asks for (it passes through here) to the next body bytes. Time the
 * proxy is not reading, because the upstream is slow to take the body or not connected yet, is
 * not the client's. Two rules, over that waiting time:
 * <ul>
 *   <li>{@code timeout}: one wait longer than it fires {@link RejectReason#BODY_TIMEOUT};</li>
 *   <li>{@code minRate} bytes/s, as {@code mod_reqtimeout}'s {@code MinRate}: the total wait may
 *       not exceed {@code grace} plus one second per {@code minRate} bytes received, else
 *       {@link RejectReason#BODY_TOO_SLOW}. A body that keeps up with {@code minRate} is never cut;
 *       example, defaults (500 B/s, 20s grace): after 30s of waiting, 5000 bytes must have come.</li>
 * </ul>
 * Firing sends {@code HttpRejection} inbound, which the exchange answers with 408 (or cuts the
 * response short if it started) and which closes the upstream connection instead of pooling it.
 *
 * <p>Ownership: passes every message on untouched; after firing it releases what still arrives.
 */
public final class BodyTimeoutHandler extends ChannelDuplexHandler {
    private final long timeoutNanos;
    private final long minRate;
    private final long graceNanos;

    private boolean inBody;
    private boolean waiting;
    private boolean fired;
    private long waitStart;
    private long waitedNanos;
    private long bytes;
    private ScheduledFuture<?> timer;

    /**
     * @param timeout longest single wait for body bytes
     * @param minRate bytes per second the body must average over the waiting time; 0: no rate check
     * @param grace   waiting time before {@code minRate} applies
     */
    public BodyTimeoutHandler(Duration timeout, long minRate, Duration grace) {
        if (timeout.isNegative() || timeout.isZero() || grace.isNegative() || minRate < 0) {
            throw new IllegalArgumentException("timeout " + timeout + ", minRate " + minRate + ", grace " + grace
                    + " (expected: a positive timeout, a rate >= 0, a grace >= 0)");
        }
        this.timeoutNanos = timeout.toNanos();
        this.minRate = minRate;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (fired) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest && !(msg instanceof FullHttpRequest)) {
            inBody = true;
            waiting = false;
            waitedNanos = 0;
            bytes = 0;
        }
        if (msg instanceof HttpContent c && inBody) {
            if (waiting) {
                waitedNanos += now(ctx) - waitStart;
                waiting = false;
            }
            bytes += c.content().readableBytes();
            if (c instanceof LastHttpContent) {
                endBody();
            }
        }
        if (msg instanceof HttpRejection) {
            endBody();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (inBody && !waiting && !fired) {
            waiting = true;
            waitStart = now(ctx);
            if (timer == null) {
                schedule(ctx, timeoutNanos);
            }
        }
        ctx.read();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        endBody();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        endBody();
    }

    private void check(ChannelHandlerContext ctx) {
        timer = null;
        if (!inBody || fired || ctx.isRemoved()) {
            return;
        }
        long now = now(ctx);
        long current = waiting ? now - waitStart : 0;
        long total = waitedNanos + current;
        if (waiting && current >= timeoutNanos) {
            fire(ctx, RejectReason.BODY_TIMEOUT, "no body bytes for " + Duration.ofNanos(current).toMillis() + " ms");
            return;
        }
        double allowedNanos = minRate == 0 ? Double.MAX_VALUE : graceNanos + bytes * 1e9 / minRate;
        if (total > allowedNanos) {
            fire(ctx, RejectReason.BODY_TOO_SLOW, bytes + " body bytes in " + Duration.ofNanos(total).toMillis()
                    + " ms of waiting (minimum " + minRate + " bytes/s)");
            return;
        }
        if (!waiting) {
            return; // read() schedules again
        }
        long next = timeoutNanos - current;
        if (minRate > 0) {
            long untilRate = (long) Math.min(Long.MAX_VALUE / 2, allowedNanos - total) + 1;
            next = Math.min(next, untilRate);
        }
        schedule(ctx, Math.max(next, 1));
    }

    private void fire(ChannelHandlerContext ctx, RejectReason reason, String detail) {
        fired = true;
        endBody();
        ctx.fireChannelRead(new HttpRejection(reason, detail));
        ctx.fireChannelReadComplete();
    }

    private void schedule(ChannelHandlerContext ctx, long nanos) {
        timer = ctx.executor().schedule(() -> check(ctx), nanos, TimeUnit.NANOSECONDS);
    }

    private void endBody() {
        inBody = false;
        waiting = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static long now(ChannelHandlerContext ctx) {
        return ctx.executor().ticker().nanoTime();
    }
}
