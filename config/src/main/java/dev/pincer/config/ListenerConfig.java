package dev.pincer.config;

import java.util.Objects;

/**
 * One client-facing listener.
 *
 * @param address where to bind
 * @param tls     TLS settings, or {@code null} for plain HTTP/1.1
 * @param http2   offer h2 through ALPN; only meaningful with TLS (default true there)
 */
public record ListenerConfig(HostPort address, TlsConfig tls, boolean http2) {
    public ListenerConfig {
        Objects.requireNonNull(address, "address");
    }

    public boolean isTls() {
        return tls != null;
    }
}
