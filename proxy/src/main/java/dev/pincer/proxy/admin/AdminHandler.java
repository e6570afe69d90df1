package dev.pincer.proxy.admin;

import dev.pincer.inspection.ban.BanList;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Serves the admin endpoints (after {@code HttpServerCodec -> HttpObjectAggregator}):
 * {@code GET /metrics} in the Prometheus text format 0.0.4, {@code GET /healthz} (the process
 * answers), {@code GET /readyz} (200 once listeners are bound and a config is loaded, 503 while
 * starting or draining), and the bans ({@link BansEndpoint}: {@code GET /bans}, {@code DELETE /bans/{ip}}
 * with the admin token). Ownership: the aggregated request is released by the superclass.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final CollectorRegistry registry;
    private final BooleanSupplier ready;
    private final BansEndpoint bans;

    AdminHandler(CollectorRegistry registry, BooleanSupplier ready) {
        this(registry, ready, null, AdminToken.none());
    }

    /** @param bans the server's ban list, or null when it keeps none ({@code /bans} answers 404) */
    AdminHandler(CollectorRegistry registry, BooleanSupplier ready, BanList bans, AdminToken token) {
        this.registry = registry;
        this.ready = ready;
        this.bans = new BansEndpoint(bans, token);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) throws IOException {
        String path = req.uri();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        FullHttpResponse res;
        BansEndpoint.Reply reply = bans.handle(req, path);
        if (reply != null) {
            res = text(ctx, reply.status(), reply.body());
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            if (reply.header() != null) {
                res.headers().set(reply.header(), reply.value());
            }
        } else if (!HttpMethod.GET.equals(req.method()) && !HttpMethod.HEAD.equals(req.method())) {
            res = text(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed\n");
        } else {
            res = switch (path) {
                case "/metrics" -> metrics(ctx);
                case "/healthz" -> text(ctx, HttpResponseStatus.OK, "ok\n");
                case "/readyz" -> ready.getAsBoolean()
                        ? text(ctx, HttpResponseStatus.OK, "ready\n")
                        : text(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "not ready\n");
                default -> text(ctx, HttpResponseStatus.NOT_FOUND, "not found\n");
            };
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(res, keepAlive);
        if (HttpMethod.HEAD.equals(req.method())) {
            res.content().clear();
        }
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse metrics(ChannelHandlerContext ctx) throws IOException {
        ByteBuf buf = ctx.alloc().buffer(16 * 1024);
        try (Writer w = new OutputStreamWriter(new ByteBufOutputStream(buf), StandardCharsets.UTF_8)) {
            TextFormat.write004(w, registry.metricFamilySamples());
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, buf);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, TextFormat.CONTENT_TYPE_004);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, buf.readableBytes());
        return res;
    }

    private static FullHttpResponse text(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                ByteBufUtil.writeUtf8(ctx.alloc(), body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
        return res;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
