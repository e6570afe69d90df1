package dev.pincer.proxy.server;

import dev.pincer.config.LimitsConfig;
import dev.pincer.config.UnderscoreHeaders;
import dev.pincer.proxy.forward.FrontendContext;
import dev.pincer.proxy.forward.ProxyFrontendHandler;
import dev.pincer.proxy.forward.ServerResponseEncoder;
import dev.pincer.proxy.http1.BodyTimeoutHandler;
import dev.pincer.proxy.http1.HeadTimeoutHandler;
import dev.pincer.proxy.http1.Http1Limits;
import dev.pincer.proxy.http1.StrictHttpRequestDecoder;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 handlers of a client connection (RFC 9112), added after TLS when there is TLS.
 * Limits are taken from the routing generation current when the connection opens.
 */
final class Http1Pipeline {
    private Http1Pipeline() {
    }

    static void install(ChannelPipeline p, FrontendContext shared, String scheme, UnderscoreHeaders underscores) {
        LimitsConfig l = shared.routing().config().limits();
        ServerResponseEncoder encoder = new ServerResponseEncoder();
        p.addLast("encoder", encoder);
        p.addLast("decoder", new StrictHttpRequestDecoder(Http1Limits.from(l)));
        p.addLast("head-timeout", new HeadTimeoutHandler(l.headerReadTimeout()));
        p.addLast("body-timeout", new BodyTimeoutHandler(l.bodyReadTimeout(), l.bodyMinRate(), l.bodyRateGrace()));
        p.addLast("idle", new IdleStateHandler(0, 0, l.clientIdleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        p.addLast("frontend", new ProxyFrontendHandler(shared, scheme, encoder, underscores));
    }
}
