package dev.pincer.proxy.echo;

import dev.pincer.config.HostPort;
import dev.pincer.proxy.net.SmallServer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny upstream for demos and quick checks: answers every request with 200 and a plain-text
 * echo of its request line, headers and body (bodies up to 1 MiB), so that what Pincer forwards can
 * be seen with curl. Not a production server.
 */
public final class EchoServer implements AutoCloseable {
    private static final int MAX_BODY = 1024 * 1024;

    private final SmallServer server;

    private EchoServer(SmallServer server) {
        this.server = server;
    }

    public static EchoServer start(HostPort address) throws InterruptedException {
        return new EchoServer(SmallServer.bind("pincer-echo", address, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel c) {
                c.pipeline().addLast(new HttpServerCodec());
                c.pipeline().addLast(new HttpServerExpectContinueHandler());
                c.pipeline().addLast(new HttpObjectAggregator(MAX_BODY));
                c.pipeline().addLast(new Echo());
            }
        }));
    }

    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Ownership: the aggregated request is released by the superclass; the response is written. */
    private static final class Echo extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            StringBuilder sb = new StringBuilder(512);
            sb.append(req.method()).append(' ').append(req.uri()).append(' ').append(req.protocolVersion()).append('\n');
            for (Map.Entry<String, String> h : req.headers()) {
                sb.append(h.getKey()).append(": ").append(h.getValue()).append('\n');
            }
            sb.append('\n');
            ByteBuf body = ctx.alloc().buffer();
            body.writeCharSequence(sb, StandardCharsets.UTF_8);
            body.writeBytes(req.content(), req.content().readerIndex(), req.content().readableBytes());
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            HttpUtil.setKeepAlive(res, keepAlive);
            var f = ctx.writeAndFlush(res);
            if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
