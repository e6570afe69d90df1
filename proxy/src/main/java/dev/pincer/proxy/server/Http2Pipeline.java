package dev.pincer.proxy.server;

import dev.pincer.config.LimitsConfig;
import dev.pincer.config.UnderscoreHeaders;
import dev.pincer.proxy.forward.FrontendContext;
import dev.pincer.proxy.forward.ProxyFrontendHandler;
import dev.pincer.proxy.http1.BodyTimeoutHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/2 handlers of a TLS connection that negotiated {@code h2} (RFC 9113). Each stream
 * becomes a child channel that speaks HTTP/1-style objects to the same {@link ProxyFrontendHandler}
 * the HTTP/1 path uses, and is proxied to an HTTP/1.1 upstream. Netty's codec enforces the
 * HTTP/2 message rules (pseudo-headers, connection-specific fields, content-length vs DATA).
 */
final class Http2Pipeline {
    /** Enough for browsers' parallelism while bounding per-connection work. */
    private static final int MAX_CONCURRENT_STREAMS = 128;

    private Http2Pipeline() {
    }

    static void install(ChannelPipeline p, FrontendContext shared, UnderscoreHeaders underscores) {
        LimitsConfig l = shared.routing().config().limits();
        Http2FrameCodec codec = Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(MAX_CONCURRENT_STREAMS)
                        .maxHeaderListSize(l.maxHeaderBytes()))
                .validateHeaders(true)
                .build();
        p.addLast("h2", codec);
        p.addLast("h2-idle", new IdleStateHandler(0, 0, l.clientIdleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        p.addLast("h2-idle-close", new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                if (evt == ProxyFrontendHandler.DRAIN) {
                    ctx.close(); // GOAWAY, then close once the open streams are done
                    return;
                }
                if (evt instanceof IdleStateEvent && codec.connection().numActiveStreams() == 0) {
                    ctx.close();
                    return;
                }
                ctx.fireUserEventTriggered(evt);
            }
        });
        p.addLast("h2-mux", new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel ch) {
                ch.config().setAutoRead(false);
                ch.pipeline().addLast("h2-http", new Http2StreamFrameToHttpObjectCodec(true, true));
                ch.pipeline().addLast("body-timeout",
                        new BodyTimeoutHandler(l.bodyReadTimeout(), l.bodyMinRate(), l.bodyRateGrace()));
                ch.pipeline().addLast("frontend", new ProxyFrontendHandler(shared, "https", null, underscores));
            }
        }));
        // The connection reads freely; each stream's flow-control window is the backpressure.
        p.channel().config().setAutoRead(true);
    }
}
