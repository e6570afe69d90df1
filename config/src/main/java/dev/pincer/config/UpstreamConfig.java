package dev.pincer.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A named group of servers, balanced round-robin.
 *
 * @param name                  the key under {@code upstreams}
 * @param servers               at least one
 * @param connectTimeout        TCP connect timeout
 * @param responseTimeout       time from the request being written to the response head arriving (504 after)
 * @param idleTimeout           a pooled idle connection is closed after this long
 * @param maxConnectionsPerServer bound on open connections to one server (busy + idle)
 * @param maxIdlePerServer      bound on idle connections kept for reuse
 * @param health                passive health settings
 * @param queueSize             requests that may wait for a connection to one full server (503 past it)
 * @param queueTimeout          longest such a wait (503 past it)
 */
public record UpstreamConfig(
        String name,
        List<HostPort> servers,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration idleTimeout,
        int maxConnectionsPerServer,
        int maxIdlePerServer,
        HealthConfig health,
        int queueSize,
        Duration queueTimeout) {

    /** Connect timeout: a healthy server on a LAN accepts in milliseconds; 2s fails over fast. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Time to response head: generous enough for slow reports, bounded so a hung server frees its slot. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** Pooled idle connections: 60s, below the usual 75s+ keep-alive of upstream servers, so we close first. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Open connections to one server: high enough not to throttle, bounded so one route cannot exhaust fds. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_SERVER = 1024;
    /** Idle connections kept per server: covers bursts without holding hundreds of sockets open. */
    public static final int DEFAULT_MAX_IDLE_PER_SERVER = 64;

    /** Waiting requests per full server: absorbs a burst of a few hundred; each holds at most one socket read. */
    public static final int DEFAULT_QUEUE_SIZE = 256;
    /** Longest wait for a connection: a burst drains in well under it; past it a fast 503 beats a hung client. */
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(5);

    public UpstreamConfig {
        Objects.requireNonNull(name, "name");
        servers = List.copyOf(servers);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        if (queueSize < 0) {
            throw new IllegalArgumentException("queueSize: " + queueSize + " (expected: >= 0)");
        }
    }

    /** An upstream with the default queue. */
    public UpstreamConfig(String name, List<HostPort> servers, Duration connectTimeout, Duration responseTimeout,
                          Duration idleTimeout, int maxConnectionsPerServer, int maxIdlePerServer, HealthConfig health) {
        this(name, servers, connectTimeout, responseTimeout, idleTimeout, maxConnectionsPerServer, maxIdlePerServer,
                health, DEFAULT_QUEUE_SIZE, DEFAULT_QUEUE_TIMEOUT);
    }
}
