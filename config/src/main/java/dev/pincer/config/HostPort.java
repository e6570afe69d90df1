package dev.pincer.config;

import java.util.Objects;

/**
 * A socket address as written in the config: {@code host:port}, {@code [v6]:port}.
 * The host is kept as written (a name or a literal); resolution happens when a socket is opened.
 */
public record HostPort(String host, int port) {
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code host:port}, with IPv6 literals in brackets. */
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
