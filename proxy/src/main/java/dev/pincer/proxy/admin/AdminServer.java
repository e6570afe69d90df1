package dev.pincer.proxy.admin;

import dev.pincer.config.HostPort;
import dev.pincer.inspection.ban.BanList;
import dev.pincer.proxy.net.SmallServer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.prometheus.client.CollectorRegistry;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;

/**
 * The admin listener: metrics and health, on its own port and its own event loop so that a
 * saturated proxy still answers its probes. Loopback by default in the example config; reads have no
 * authentication (only {@code DELETE /bans/{ip}} needs the admin token), so never expose it publicly.
 */
public final class AdminServer implements AutoCloseable {
    /** Probes and scrapes are tiny; anything bigger is not a probe. */
    private static final int MAX_REQUEST_BYTES = 8 * 1024;

    private final SmallServer server;

    private AdminServer(SmallServer server) {
        this.server = server;
    }

    public static AdminServer start(HostPort address, CollectorRegistry registry, BooleanSupplier ready)
            throws InterruptedException {
        return start(address, registry, ready, null, AdminToken.none());
    }

    /**
     * With the ban endpoints: {@code bans} is the server's long-lived {@link BanList} (null: none),
     * {@code token} guards the state-changing endpoints ({@link AdminToken#from}).
     */
    public static AdminServer start(HostPort address, CollectorRegistry registry, BooleanSupplier ready,
                                    BanList bans, AdminToken token) throws InterruptedException {
        return new AdminServer(SmallServer.bind("pincer-admin", address, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel c) {
                c.pipeline().addLast(new ReadTimeoutHandler(30));
                c.pipeline().addLast(new HttpServerCodec(4096, MAX_REQUEST_BYTES, MAX_REQUEST_BYTES));
                c.pipeline().addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                c.pipeline().addLast(new AdminHandler(registry, ready, bans, token));
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
}
