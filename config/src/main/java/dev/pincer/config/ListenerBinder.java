package dev.pincer.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code listen} (one plain HTTP listener) or {@code listeners} (a list), never both, and
 * reports two listeners binding the same address. TLS files must exist and be readable; relative
 * paths resolve against the config file's directory.
 */
final class ListenerBinder {
    private static final List<String> KEYS = List.of("address", "tls", "http2", "underscore_headers");
    private static final String UNDERSCORES = "drop, allow or reject";
    private static final List<String> TLS_KEYS = List.of("cert", "key");
    private static final String LISTENER = "a listener mapping with address, and optional tls and http2";

    private final Nodes nodes;
    private final Path baseDir;

    ListenerBinder(Nodes nodes, Path baseDir) {
        this.nodes = nodes;
        this.baseDir = baseDir;
    }

    List<ListenerConfig> bind(YamlMap root) {
        Problems problems = nodes.problems();
        List<ListenerConfig> out = new ArrayList<>();
        if (root.has("listen") && root.has("listeners")) {
            problems.add(root.keyNode("listeners"), "listeners", "given with listen",
                    "either listen (one plain HTTP listener) or listeners, not both");
            return out;
        }
        if (root.has("listen")) {
            HostPort a = root.parsed("listen", null, HostPorts.EXPECTED, t -> HostPorts.parse(t, 0));
            if (a != null) {
                out.add(new ListenerConfig(a, null, false));
            }
            return out;
        }
        Node list = root.require("listeners", "listen: host:port, or listeners: a list of at least one listener");
        List<Node> items = list == null ? null : nodes.list(list, "listeners", "a list of listeners", false);
        if (items != null && items.isEmpty()) {
            problems.add(list, "listeners", "an empty list", "at least one listener");
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String path = "listeners[" + i + "]";
            ListenerConfig l = listener(items.get(i), path);
            if (l == null) {
                continue;
            }
            String key = l.address().toString().toLowerCase(Locale.ROOT);
            String first = l.address().port() == 0 ? null : seen.putIfAbsent(key, path);
            if (first != null) {
                problems.add(items.get(i), path + ".address", l.address().toString(), "an address no other listener binds ("
                        + first + " does)");
            }
            out.add(l);
        }
        return out;
    }

    private ListenerConfig listener(Node item, String path) {
        YamlMap m = nodes.map(item, path, LISTENER, KEYS);
        if (m == null) {
            return null;
        }
        Node address = m.require("address", HostPorts.EXPECTED);
        HostPort a = address == null ? null
                : nodes.parsed(address, m.path("address"), HostPorts.EXPECTED, t -> HostPorts.parse(t, 0));
        boolean hasTls = m.has("tls");
        TlsConfig tls = hasTls ? tls(m.get("tls"), m.path("tls")) : null;
        boolean http2 = m.bool("http2", hasTls);
        if (http2 && !hasTls) {
            nodes.problems().add(m.get("http2"), m.path("http2"), "true", "false without tls (h2 needs tls)");
        }
        UnderscoreHeaders underscores = m.parsed("underscore_headers", UnderscoreHeaders.DROP, UNDERSCORES,
                ListenerBinder::underscores);
        if (a == null || hasTls && tls == null) {
            return null;
        }
        return new ListenerConfig(a, tls, http2, underscores);
    }

    private static UnderscoreHeaders underscores(String text) {
        try {
            return UnderscoreHeaders.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(UNDERSCORES);
        }
    }

    private TlsConfig tls(Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping with cert and key (PEM file paths)", TLS_KEYS);
        if (m == null) {
            return null;
        }
        Path cert = file(m, "cert", "a readable PEM certificate chain file");
        Path key = file(m, "key", "a readable PEM (PKCS#8) private key file");
        return cert == null || key == null ? null : new TlsConfig(cert, key);
    }

    private Path file(YamlMap m, String key, String expected) {
        Node node = m.require(key, expected);
        return node == null ? null
                : nodes.parsed(node, m.path(key), expected, t -> ConfigFiles.readable(baseDir, t, expected));
    }
}
