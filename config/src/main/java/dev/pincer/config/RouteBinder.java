package dev.pincer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code routes}: a list of {@code match} (host, path_prefix), {@code upstream}, each
 * naming an upstream declared in the same file, and optionally {@code protection} (the route's
 * overrides of the global section; {@code routes[i].incomplete} moved there), {@code xss} (a boolean, true by default) and
 * {@code xss_prefix_bytes} (a size from 1k to 8m, 64k by default). Hosts are lower-cased; IPv6 literals are kept
 * in brackets ({@code [::1]}), as they appear in a Host header.
 */
final class RouteBinder {
    private static final List<String> KEYS = List.of("match", "upstream", "xss", "xss_prefix_bytes", "protection");
    private static final List<String> MATCH_KEYS = List.of("host", "path_prefix");
    private static final String HOST = "a host name, *.domain or IP literal, without a port";
    private static final String PREFIX = "a path prefix starting with /, without spaces";

    private final Nodes nodes;

    RouteBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @param protection the global section, whose {@code incomplete} a route without its own takes */
    List<RouteConfig> bind(Node node, Set<String> upstreams, ProtectionConfig protection) {
        List<RouteConfig> out = new ArrayList<>();
        List<Node> items = nodes.list(node, "routes", "a non-empty list of routes", false);
        if (items == null) {
            return out;
        }
        if (items.isEmpty()) {
            nodes.problems().add(node, "routes", "an empty list", "at least one route");
        }
        for (int i = 0; i < items.size(); i++) {
            RouteConfig r = route(items.get(i), "routes[" + i + "]", upstreams, protection);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private RouteConfig route(Node node, String path, Set<String> upstreams, ProtectionConfig global) {
        YamlMap m = nodes.map(node, path, "a route mapping with match, upstream and protection", KEYS,
                List.of("incomplete"));
        if (m == null) {
            return null;
        }
        String host = null;
        String prefix = "/";
        boolean matchOk = true;
        if (m.has("match")) {
            YamlMap match = nodes.map(m.get("match"), m.path("match"), "a mapping with host and/or path_prefix",
                    MATCH_KEYS);
            matchOk = match != null;
            if (match != null) {
                host = match.parsed("host", null, HOST, RouteBinder::host);
                prefix = match.parsed("path_prefix", "/", PREFIX, RouteBinder::prefix);
            }
        }
        String expected = "the name of an upstream: one of " + String.join(", ", new TreeSet<>(upstreams));
        Node up = m.require("upstream", expected);
        String upstream = up == null ? null : nodes.text(up, m.path("upstream"), expected);
        // With no upstream declared, the missing upstreams are the problem, not each route.
        if (upstream != null && !upstreams.isEmpty() && !upstreams.contains(upstream)) {
            nodes.problems().add(up, m.path("upstream"), Nodes.show(up), expected);
            return null;
        }
        new PolicyBinder(nodes).movedRouteKey(m);
        RouteConfig.Xss xss = new RouteConfig.Xss(m.bool("xss", RouteConfig.Xss.DEFAULT.enabled()),
                (int) m.size("xss_prefix_bytes", RouteConfig.Xss.DEFAULT_PREFIX_BYTES,
                        RouteConfig.Xss.MIN_PREFIX_BYTES, RouteConfig.Xss.MAX_PREFIX_BYTES));
        RouteProtection protection = m.has("protection")
                ? new ProtectionBinder(nodes, null).bindRoute(m.get("protection"), m.path("protection"))
                : RouteProtection.DEFAULT;
        RouteConfig.Incomplete incomplete = protection.incomplete() != null ? protection.incomplete()
                : global.incomplete();
        return upstream == null || !matchOk ? null
                : new RouteConfig(host, prefix, upstream, incomplete, xss, protection);
    }

    /** {@code API.example.com} to {@code api.example.com}; {@code ::1} to {@code [::1]}. */
    static String host(String text) {
        String h = text.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]") && HostNames.isIpv6(h.substring(1, h.length() - 1))) {
            return h;
        }
        if (HostNames.isIpv6(h)) {
            return "[" + h + "]";
        }
        String name = h.startsWith("*.") ? h.substring(2) : h;
        if (!HostNames.isNameOrIpv4(name) || h.startsWith("*.") && HostNames.isIpv4(name)) {
            throw new IllegalArgumentException(HOST);
        }
        return h;
    }

    static String prefix(String text) {
        if (!text.startsWith("/") || !text.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw new IllegalArgumentException(PREFIX);
        }
        return text;
    }
}
