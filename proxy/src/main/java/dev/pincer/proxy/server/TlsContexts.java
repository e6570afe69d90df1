package dev.pincer.proxy.server;

import dev.pincer.config.ListenerConfig;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import javax.net.ssl.SSLException;

/**
 * Server TLS contexts from PEM files: TLS 1.2 and 1.3 only, the RFC 9113 §9.2.2 cipher list
 * (forward-secret AEAD suites), and ALPN offering {@code h2} then {@code http/1.1} when HTTP/2
 * is on.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static SslContext forListener(ListenerConfig l) throws SSLException {
        if (l.tls() == null) {
            return null;
        }
        SslContextBuilder b = SslContextBuilder.forServer(l.tls().certificate().toFile(), l.tls().key().toFile())
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE);
        String[] protocols = l.http2()
                ? new String[] {ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1}
                : new String[] {ApplicationProtocolNames.HTTP_1_1};
        b.applicationProtocolConfig(new ApplicationProtocolConfig(
                ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                protocols));
        return b.build();
    }
}
