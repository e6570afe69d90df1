package dev.pincer.proxy.server;

import dev.pincer.config.ListenerConfig;
import dev.pincer.proxy.forward.FrontendContext;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.prometheus.client.Gauge;

/**
 * Builds the pipeline of each accepted client connection of one listener, and nothing else:
 * byte counting, then TLS and ALPN when configured, then the HTTP/1.1 or HTTP/2 handlers.
 */
final class FrontendInitializer extends ChannelInitializer<SocketChannel> {
    private final ListenerConfig listener;
    private final FrontendContext shared;
    private final ByteCounter bytes;
    private final ChannelGroup clients;
    private final Gauge.Child active;
    private volatile SslContext tls;

    FrontendInitializer(ListenerConfig listener, SslContext tls, FrontendContext shared, ByteCounter bytes,
                        ChannelGroup clients) {
        this.listener = listener;
        this.tls = tls;
        this.shared = shared;
        this.bytes = bytes;
        this.clients = clients;
        this.active = shared.metrics().activeConnections.labels(listener.address().toString());
    }

    ListenerConfig listener() {
        return listener;
    }

    /** New connections use {@code next} (certificate rotation on reload); open ones keep theirs. */
    void tls(SslContext next) {
        tls = next;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        clients.add(ch);
        active.inc();
        ch.closeFuture().addListener(f -> active.dec());
        ChannelPipeline p = ch.pipeline();
        p.addLast("bytes", bytes);
        SslContext ssl = tls;
        if (ssl == null) {
            Http1Pipeline.install(p, shared, "http", listener.underscoreHeaders());
            return;
        }
        p.addLast("tls", ssl.newHandler(ch.alloc()));
        p.addLast("alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    Http2Pipeline.install(ctx.pipeline(), shared, listener.underscoreHeaders());
                } else {
                    Http1Pipeline.install(ctx.pipeline(), shared, "https", listener.underscoreHeaders());
                    ctx.read();
                }
            }
        });
        ch.read(); // auto-read is off: start the TLS handshake
    }
}
