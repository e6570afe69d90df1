package dev.pincer.config;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code protection} (globally) and {@code routes[i].protection} (per route), delegating
 * each control's key to that control's binder. Every absent key takes its default.
 */
final class ProtectionBinder {
    private static final List<String> KEYS = concat(PolicyBinder.KEYS, List.of(
            "ip_filter",
            "rate_limits",
            "bans",
            "redis",
            "uploads",
            "rules",
            "paranoia_level",
            "anomaly_thresholds",
            "value_memo"));
    private static final List<String> ROUTE_KEYS = concat(PolicyBinder.ROUTE_KEYS, List.of(
            "ip_filter",
            "rate_limits",
            "uploads",
            "rule_exclusions"));

    private final Nodes nodes;
    private final java.nio.file.Path baseDir;

    ProtectionBinder(Nodes nodes, java.nio.file.Path baseDir) {
        this.nodes = nodes;
        this.baseDir = baseDir;
    }

    ProtectionConfig bind(Node node) {
        YamlMap m = nodes.map(node, "protection", "a mapping of edge controls", KEYS);
        if (m == null) {
            return ProtectionConfig.DEFAULT;
        }
        ProtectionConfig p = new PolicyBinder(nodes).bind(m);
        ProtectionConfig d = ProtectionConfig.DEFAULT;
        return new ProtectionConfig(p.mode(), p.incomplete(), p.onAnalysisLimit(), p.bodyPrefixBytes(),
                m.has("ip_filter") ? new IpFilterBinder(nodes).bind(m.get("ip_filter"), m.path("ip_filter"))
                        : d.ipFilter(),
                m.has("rate_limits") ? RateLimitBinder.bind(nodes, m.get("rate_limits"), m.path("rate_limits"))
                        : d.rateLimits(),
                m.has("bans") ? BanBinder.bind(nodes, m.get("bans"), m.path("bans")) : d.bans(),
                m.has("redis") ? RedisBinder.bind(nodes, m.get("redis"), m.path("redis")) : d.redis(),
                m.has("uploads") ? UploadBinder.bind(nodes, m.get("uploads"), m.path("uploads")) : d.uploads(),
                RulesBinder.bind(nodes, m, baseDir));
    }

    RouteProtection bindRoute(Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping of the route's edge controls", ROUTE_KEYS);
        if (m == null) {
            return RouteProtection.DEFAULT;
        }
        RouteProtection p = new PolicyBinder(nodes).bindRoute(m);
        return new RouteProtection(p.mode(), p.incomplete(),
                m.has("ip_filter") ? new IpFilterBinder(nodes).bind(m.get("ip_filter"), m.path("ip_filter"))
                        : IpFilterConfig.DEFAULT,
                m.has("rate_limits") ? RateLimitBinder.bind(nodes, m.get("rate_limits"), m.path("rate_limits"))
                        : RateLimitConfig.NONE,
                m.has("uploads") ? UploadBinder.bindRoute(nodes, m.get("uploads"), m.path("uploads"))
                        : UploadConfig.INHERIT,
                m.has("rule_exclusions")
                        ? RulesBinder.bindExclusions(nodes, m.get("rule_exclusions"), m.path("rule_exclusions"))
                        : RuleExclusions.NONE);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
