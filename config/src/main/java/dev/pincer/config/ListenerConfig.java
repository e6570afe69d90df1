package dev.pincer.config;

import java.util.Objects;

/**
 * One client-facing listener.
 *
 * @param address           where to bind
 * @param tls               TLS settings, or {@code null} for plain HTTP/1.1
 * @param http2             offer h2 through ALPN; only meaningful with TLS (default true there)
 * @param underscoreHeaders what to do with header names containing {@code _} (default drop)
 */
public record ListenerConfig(HostPort address, TlsConfig tls, boolean http2, UnderscoreHeaders underscoreHeaders) {
    public ListenerConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(underscoreHeaders, "underscoreHeaders");
    }

    /** A listener with the default {@link UnderscoreHeaders#DROP}. */
    public ListenerConfig(HostPort address, TlsConfig tls, boolean http2) {
        this(address, tls, http2, UnderscoreHeaders.DROP);
    }

    public boolean isTls() {
        return tls != null;
    }
}
