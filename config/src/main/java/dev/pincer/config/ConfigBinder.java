package dev.pincer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Binds the top-level mapping of a composed document to a {@link PincerConfig}, delegating each
 * section to its binder. Returns null when anything was reported.
 */
final class ConfigBinder {
    private static final List<String> KEYS = List.of("listen", "listeners", "admin", "upstreams", "routes",
            "limits", "trusted_proxies", "access_log", "shutdown_grace", "correlator", "protection");
    private static final String CIDR = "an IP address or CIDR block such as 10.0.0.0/8";

    private final Nodes nodes;
    private final Path source;
    private final Path baseDir;

    ConfigBinder(Problems problems, Path source, Path baseDir) {
        this.nodes = new Nodes(problems);
        this.source = source;
        this.baseDir = baseDir;
    }

    PincerConfig bind(Node document) {
        YamlMap root = nodes.map(document, "", "a mapping of top-level keys: " + String.join(", ", KEYS),
                KEYS);
        if (root == null) {
            return null;
        }
        List<ListenerConfig> listeners = new ListenerBinder(nodes, baseDir).bind(root);
        HostPort admin = admin(root, listeners);
        UpstreamBinder upstreamBinder = new UpstreamBinder(nodes);
        Node up = root.require("upstreams", "a mapping of at least one upstream");
        Map<String, UpstreamConfig> upstreams = up == null ? Map.of() : upstreamBinder.bind(up);
        ProtectionConfig protection = root.has("protection")
                ? new ProtectionBinder(nodes, baseDir).bind(root.get("protection"))
                : ProtectionConfig.DEFAULT;
        Node ro = root.require("routes", "a list of at least one route");
        List<RouteConfig> routes = ro == null ? List.of() : new RouteBinder(nodes).bind(ro, upstreamBinder.declared(), protection);
        LimitsConfig limits = root.has("limits") ? LimitsBinder.bind(nodes, root.get("limits"), baseDir) : LimitsConfig.DEFAULT;
        List<CidrRange> trusted = trustedProxies(root);
        boolean accessLog = accessLog(root);
        Duration grace = root.duration("shutdown_grace", PincerConfig.DEFAULT_SHUTDOWN_GRACE);
        CorrelatorConfig correlator = root.has("correlator")
                ? new CorrelatorBinder(nodes, baseDir).bind(root.get("correlator"))
                : null;
        if (!nodes.problems().isEmpty()) {
            return null;
        }
        return new PincerConfig(source, listeners, admin, upstreams, routes, limits, trusted, accessLog, grace,
                correlator, protection);
    }

    /** {@code admin: host:port}; {@code off}, {@code false} or absent mean no admin listener. */
    private HostPort admin(YamlMap root, List<ListenerConfig> listeners) {
        Node node = root.get("admin");
        if (node == null || isOff(node)) {
            return null;
        }
        String expected = HostPorts.EXPECTED + ", or off";
        HostPort admin = nodes.parsed(node, "admin", expected, t -> HostPorts.parse(t, 0));
        if (admin == null || admin.port() == 0) {
            return admin;
        }
        for (int i = 0; i < listeners.size(); i++) {
            if (listeners.get(i).address().toString().equalsIgnoreCase(admin.toString())) {
                nodes.problems().add(node, "admin", admin.toString(),
                        "an address no listener binds (" + (root.has("listen") ? "listen" : "listeners[" + i + "]")
                                + " does)");
            }
        }
        return admin;
    }

    private static boolean isOff(Node node) {
        return node instanceof ScalarNode s
                && (s.getTag().equals(Tag.STR) && s.getValue().equals("off")
                        || s.getTag().equals(Tag.BOOL) && s.getValue().equals("false"));
    }

    private List<CidrRange> trustedProxies(YamlMap root) {
        List<CidrRange> out = new ArrayList<>();
        Node node = root.get("trusted_proxies");
        List<Node> items = node == null ? null : nodes.list(node, "trusted_proxies", "a list of " + CIDR + "s", true);
        for (int i = 0; items != null && i < items.size(); i++) {
            CidrRange c = nodes.parsed(items.get(i), "trusted_proxies[" + i + "]", CIDR, ConfigBinder::cidr);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static CidrRange cidr(String text) {
        try {
            return CidrRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CIDR + " (" + e.getMessage() + ")");
        }
    }

    /** {@code access_log: true} or {@code access_log: {enabled: true}}; on by default. */
    private boolean accessLog(YamlMap root) {
        Node node = root.get("access_log");
        if (node == null || !(node instanceof MappingNode)) {
            return root.bool("access_log", PincerConfig.DEFAULT_ACCESS_LOG);
        }
        YamlMap m = nodes.map(node, "access_log", "true, false or a mapping with enabled", List.of("enabled"));
        return m == null ? PincerConfig.DEFAULT_ACCESS_LOG : m.bool("enabled", PincerConfig.DEFAULT_ACCESS_LOG);
    }
}
