package dev.pincer.config;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code protection} (globally) and {@code routes[i].protection} (per route), delegating
 * each control's key to that control's binder. Every absent key takes its default.
 */
final class ProtectionBinder {
    private static final List<String> KEYS = List.of(
            "uploads");
    private static final List<String> ROUTE_KEYS = List.of(
            "uploads");

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
                m.has("uploads") ? UploadBinder.bind(nodes, m.get("uploads"), m.path("uploads")) : UploadConfig.DEFAULT);
    }

    RouteProtection bindRoute(Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping of the route's edge controls", ROUTE_KEYS);
        if (m == null) {
            return RouteProtection.DEFAULT;
        }
        return new RouteProtection(
                m.has("uploads") ? UploadBinder.bindRoute(nodes, m.get("uploads"), m.path("uploads")) : UploadConfig.INHERIT);
    }
}
