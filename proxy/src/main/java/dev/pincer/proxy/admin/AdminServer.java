package dev.pincer.proxy.admin;

import dev.pincer.config.HostPort;
import dev.pincer.proxy.net.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.prometheus.client.CollectorRegistry;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;

/**
 * The admin listener: metrics and health, on its own port and its own event loop so that a
 * saturated proxy still answers its probes. Loopback by default in the example config; it has no
 * authentication, so never expose it publicly.
 */
public final class AdminServer implements AutoCloseable {
    /** Probes and scrapes are tiny; anything bigger is not a probe. */
    private static final int MAX_REQUEST_BYTES = 8 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;

    private AdminServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    public static AdminServer start(HostPort address, Transport transport, CollectorRegistry registry,
                                    BooleanSupplier ready) throws InterruptedException {
        EventLoopGroup group = transport.newGroup(1, "pincer-admin");
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel c) {
                            c.pipeline().addLast(new ReadTimeoutHandler(30));
                            c.pipeline().addLast(new HttpServerCodec(4096, MAX_REQUEST_BYTES, MAX_REQUEST_BYTES));
                            c.pipeline().addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                            c.pipeline().addLast(new AdminHandler(registry, ready));
                        }
                    })
                    .bind(address.host(), address.port()).sync().channel();
            return new AdminServer(group, ch);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
