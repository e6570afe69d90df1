package dev.pincer.proxy.net;

import dev.pincer.config.HostPort;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import java.util.function.BiFunction;

/**
 * A {@link SmallServer} that answers whole HTTP/1.1 requests (bodies up to {@code maxBody}) with
 * a function: for the side upstreams Pincer ships for demos and tests (the echo upstream, the CRS
 * suite's albedo), never for production traffic. It sets Content-Length and keep-alive and closes
 * after the response when the request asked to.
 */
public final class SmallHttpServer {

    private SmallHttpServer() {
    }

    /**
     * @param answer the response to a request; it may use the allocator for its body. The request
     *               is released after the call; the response is written and released by Netty.
     */
    public static SmallServer bind(String threadName, HostPort address, int maxBody,
                                   BiFunction<FullHttpRequest, ByteBufAllocator, FullHttpResponse> answer)
            throws InterruptedException {
        return SmallServer.bind(threadName, address, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel c) {
                c.pipeline().addLast(new HttpServerCodec());
                c.pipeline().addLast(new HttpServerExpectContinueHandler());
                c.pipeline().addLast(new HttpObjectAggregator(maxBody));
                c.pipeline().addLast(new Answer(answer));
            }
        });
    }

    /** Ownership: the aggregated request is released by the superclass; the response is written. */
    private static final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final BiFunction<FullHttpRequest, ByteBufAllocator, FullHttpResponse> answer;

        Answer(BiFunction<FullHttpRequest, ByteBufAllocator, FullHttpResponse> answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            FullHttpResponse res = answer.apply(req, ctx.alloc());
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
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
