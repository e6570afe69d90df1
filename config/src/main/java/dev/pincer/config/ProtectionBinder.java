package dev.pincer.config;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code protection} (globally) and {@code routes[i].protection} (per route), delegating
 * each control's key to that control's binder. Every absent key takes its default.
 */
final class ProtectionBinder {
    private static final List<String> KEYS = List.of(
            "ip_filter");
    private static final List<String> ROUTE_KEYS = List.of(
            "ip_filter");

    private final Nodes nodes;

    ProtectionBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    ProtectionConfig bind(Node node) {
        YamlMap m = nodes.map(node, "protection", "a mapping of edge controls", KEYS);
        if (m == null) {
            return ProtectionConfig.DEFAULT;
        }
        return new ProtectionConfig(
                m.has("ip_filter") ? new IpFilterBinder(nodes).bind(m.get("ip_filter"), m.path("ip_filter"))
                        : IpFilterConfig.DEFAULT);
    }

    RouteProtection bindRoute(Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping of the route's edge controls", ROUTE_KEYS);
        if (m == null) {
            return RouteProtection.DEFAULT;
        }
        return new RouteProtection(
                m.has("ip_filter") ? new IpFilterBinder(nodes).bind(m.get("ip_filter"), m.path("ip_filter"))
                        : new IpFilterConfig(path + ".ip_filter", List.of(), List.of(), List.of(), List.of()));
    }
}
