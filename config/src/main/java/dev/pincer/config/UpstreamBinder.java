package dev.pincer.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Binds {@code upstreams}: a mapping of names to server groups with their timeouts and pool bounds. */
final class UpstreamBinder {
    private static final List<String> KEYS = List.of("servers", "connect_timeout", "response_timeout",
            "idle_timeout", "max_connections_per_server", "max_idle_per_server", "health", "queue_size", "queue_timeout");
    private static final List<String> HEALTH_KEYS = List.of("failures", "window", "eject_time");
    private static final String NAME = "[A-Za-z0-9_.-]{1,64}";
    private static final String SERVERS = "a non-empty list of host:port";

    private final Nodes nodes;
    private final Set<String> declared = new HashSet<>();

    UpstreamBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    /** Every name declared under {@code upstreams}, valid or not, so routes report only their own errors. */
    Set<String> declared() {
        return declared;
    }

    Map<String, UpstreamConfig> bind(Node node) {
        Map<String, UpstreamConfig> out = new LinkedHashMap<>();
        YamlMap m = nodes.map(node, "upstreams", "a mapping of upstream names to upstreams", null);
        if (m == null) {
            return out;
        }
        if (m.entries().isEmpty()) {
            nodes.problems().add(node, "upstreams", "none", "at least one upstream");
        }
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            String name = e.getKey();
            declared.add(name);
            if (!name.matches(NAME)) {
                nodes.problems().add(m.keyNode(name), m.path(name), "bad name",
                        "an upstream name of 1 to 64 letters, digits, '_', '.' or '-'");
                continue;
            }
            UpstreamConfig u = upstream(name, e.getValue(), m.path(name));
            if (u != null) {
                out.put(name, u);
            }
        }
        return out;
    }

    private UpstreamConfig upstream(String name, Node node, String path) {
        YamlMap m = nodes.map(node, path, "an upstream mapping with servers and optional timeouts", KEYS);
        if (m == null) {
            return null;
        }
        List<HostPort> servers = servers(m);
        Duration connect = m.duration("connect_timeout", UpstreamConfig.DEFAULT_CONNECT_TIMEOUT);
        Duration response = m.duration("response_timeout", UpstreamConfig.DEFAULT_RESPONSE_TIMEOUT);
        Duration idle = m.duration("idle_timeout", UpstreamConfig.DEFAULT_IDLE_TIMEOUT);
        int maxConn = (int) m.integer("max_connections_per_server",
                UpstreamConfig.DEFAULT_MAX_CONNECTIONS_PER_SERVER, 1, 100_000);
        // An absent max_idle never exceeds max_connections: the default shrinks to fit.
        int maxIdle = (int) m.integer("max_idle_per_server",
                Math.min(UpstreamConfig.DEFAULT_MAX_IDLE_PER_SERVER, maxConn), 0, 100_000);
        if (maxIdle > maxConn) {
            nodes.problems().add(m.get("max_idle_per_server"), m.path("max_idle_per_server"),
                    String.valueOf(maxIdle), "at most max_connections_per_server (" + maxConn + ")");
        }
        int queueSize = (int) m.integer("queue_size", UpstreamConfig.DEFAULT_QUEUE_SIZE, 0, 100_000);
        Duration queueTimeout = m.duration("queue_timeout", UpstreamConfig.DEFAULT_QUEUE_TIMEOUT);
        HealthConfig health = m.has("health") ? health(m.get("health"), m.path("health")) : HealthConfig.DEFAULT;
        if (servers == null || health == null) {
            return null;
        }
        return new UpstreamConfig(name, servers, connect, response, idle, maxConn, maxIdle, health, queueSize,
                queueTimeout);
    }

    private List<HostPort> servers(YamlMap m) {
        Node node = m.require("servers", SERVERS);
        List<Node> items = node == null ? null : nodes.list(node, m.path("servers"), SERVERS, true);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            nodes.problems().add(node, m.path("servers"), "an empty list", SERVERS);
            return null;
        }
        List<HostPort> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = m.path("servers") + "[" + i + "]";
            HostPort hp = nodes.parsed(items.get(i), path, HostPorts.EXPECTED, t -> HostPorts.parse(t, 1));
            if (hp != null && out.contains(hp)) {
                nodes.problems().add(items.get(i), path, hp.toString(), "each server once (a duplicate)");
            } else if (hp != null) {
                out.add(hp);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private HealthConfig health(Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping with failures, window and eject_time", HEALTH_KEYS);
        if (m == null) {
            return null;
        }
        int failures = (int) m.integer("failures", HealthConfig.DEFAULT_FAILURES, 1, 1000);
        Duration window = m.duration("window", HealthConfig.DEFAULT_WINDOW);
        Duration eject = m.duration("eject_time", HealthConfig.DEFAULT_EJECT_TIME);
        return new HealthConfig(failures, window, eject);
    }
}
