package dev.pincer.config;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code protection} (globally) and {@code routes[i].protection} (per route), delegating
 * each control's key to that control's binder. Every absent key takes its default.
 */
final class ProtectionBinder {
    private static final List<String> KEYS = List.copyOf(PolicyBinder.KEYS);
    private static final List<String> ROUTE_KEYS = List.copyOf(PolicyBinder.ROUTE_KEYS);

    private final Nodes nodes;

    ProtectionBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    ProtectionConfig bind(Node node) {
        YamlMap m = nodes.map(node, "protection", "a mapping of edge controls", KEYS);
        if (m == null) {
            return ProtectionConfig.DEFAULT;
        }
        return new PolicyBinder(nodes).bind(m);
    }

    RouteProtection bindRoute(Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping of the route's edge controls", ROUTE_KEYS);
        if (m == null) {
            return RouteProtection.DEFAULT;
        }
        return new PolicyBinder(nodes).bindRoute(m);
    }
}
