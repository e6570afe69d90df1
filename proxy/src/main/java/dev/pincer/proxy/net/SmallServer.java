package dev.pincer.proxy.net;

import dev.pincer.config.HostPort;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A listener on its own single event loop, for the side servers (admin, the demo echo upstream)
 * that must not share, or be starved by, the proxy's event loops.
 */
public final class SmallServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;

    private SmallServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Binds {@code address}; on failure nothing stays open. */
    public static SmallServer bind(String threadName, HostPort address, ChannelInitializer<Channel> pipeline)
            throws InterruptedException {
        Transport t = Transport.best();
        EventLoopGroup group = t.newGroup(1, threadName);
        try {
            Channel ch = new ServerBootstrap().group(group).channel(t.serverChannel())
                    .childHandler(pipeline)
                    .bind(address.host(), address.port()).sync().channel();
            return new SmallServer(group, ch);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
