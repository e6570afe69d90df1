package dev.pincer.config;

import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code correlator}. The token comes from {@code token} or {@code token_file} (exactly one)
 * and is never echoed in a problem report. Relative paths resolve against the config file's
 * directory. {@code mode}, {@code on_analysis_limit} and {@code body_prefix_bytes} moved to
 * {@code protection}; each is an error that says so.
 */
final class CorrelatorBinder {
    private static final List<String> KEYS = List.of("listen", "token", "token_file", "verdict_timeout",
            "max_sensors", "max_frame_bytes", "max_in_flight", "context_ttl", "max_contexts",
            "redirect_allowlist", "exec", "exec_baseline", "analysis_threads",
            "analysis_queue", "request_analysis_checks", "request_analysis_time", "deserialization");
    private static final String TOKEN = "a secret of at least " + CorrelatorConfig.MIN_TOKEN_LENGTH
            + " characters, in token or token_file (exactly one)";
    private static final String EXEC = "allow, deny or baseline";
    private static final String HOST = "a host name, or *. followed by a domain";

    private final Nodes nodes;
    private final Path baseDir;

    CorrelatorBinder(Nodes nodes, Path baseDir) {
        this.nodes = nodes;
        this.baseDir = baseDir;
    }

    CorrelatorConfig bind(Node node) {
        YamlMap m = nodes.map(node, "correlator", "a mapping with at least token or token_file", KEYS,
                PolicyBinder.MOVED_FROM_CORRELATOR);
        if (m == null) {
            return null;
        }
        HostPort listen = m.parsed("listen", CorrelatorConfig.DEFAULT_LISTEN, HostPorts.EXPECTED,
                t -> HostPorts.parse(t, 0));
        String token = token(m);
        new PolicyBinder(nodes).moved(m, PolicyBinder.MOVED_FROM_CORRELATOR, "protection");
        ExecPolicy exec = m.parsed("exec", ExecPolicy.ALLOW, EXEC, t -> named(ExecPolicy.class, t, EXEC));
        String baselineExpected = "a readable baseline file from `pincer baseline`";
        Path baseline = m.parsed("exec_baseline", null, baselineExpected,
                t -> ConfigFiles.readable(baseDir, t, baselineExpected));
        if (exec == ExecPolicy.BASELINE && baseline == null && !m.has("exec_baseline")) {
            nodes.problems().add(m.get("exec"), m.path("exec"), "baseline",
                    "exec_baseline set too (the file `pincer baseline` wrote)");
        }
        CorrelatorConfig c = new CorrelatorConfig(
                listen,
                token == null ? "" : token,
                m.duration("verdict_timeout", CorrelatorConfig.DEFAULT_VERDICT_TIMEOUT),
                (int) m.integer("max_sensors", CorrelatorConfig.DEFAULT_MAX_SENSORS, 1, 65_536),
                (int) m.size("max_frame_bytes", CorrelatorConfig.DEFAULT_MAX_FRAME_BYTES, 4096, 64L << 20),
                (int) m.integer("max_in_flight", CorrelatorConfig.DEFAULT_MAX_IN_FLIGHT, 1, 65_536),
                m.duration("context_ttl", CorrelatorConfig.DEFAULT_CONTEXT_TTL),
                (int) m.integer("max_contexts", CorrelatorConfig.DEFAULT_MAX_CONTEXTS, 100, 10_000_000),
                hosts(m),
                exec,
                baseline,
                analysis(m),
                deserialization(m));
        return token == null ? null : c;
    }

    private static CorrelatorConfig.Analysis analysis(YamlMap m) {
        return new CorrelatorConfig.Analysis(
                (int) m.integer("analysis_threads", CorrelatorConfig.Analysis.DEFAULT_THREADS, 0, 256),
                (int) m.integer("analysis_queue", CorrelatorConfig.Analysis.DEFAULT_QUEUE, 1, 1_000_000),
                (int) m.integer("request_analysis_checks", CorrelatorConfig.Analysis.DEFAULT_REQUEST_CHECKS, 1, 65_536),
                m.duration("request_analysis_time", CorrelatorConfig.Analysis.DEFAULT_REQUEST_TIME));
    }

    private static final List<String> DESER_KEYS = List.of("mode", "allow");
    private static final String DESER_MODES = "denylist or allowlist";
    private static final String DESER_ENTRY = "a class name (com.shop.Cart) or a package prefix ending in . (com.shop.model.)";

    /** {@code deserialization: {mode: denylist|allowlist, allow: [...]}}; absent: the deny-list alone. */
    private CorrelatorConfig.Deserialization deserialization(YamlMap parent) {
        Node node = parent.get("deserialization");
        if (node == null) {
            return CorrelatorConfig.Deserialization.DEFAULTS;
        }
        YamlMap m = nodes.map(node, parent.path("deserialization"), "a mapping with mode and allow", DESER_KEYS);
        if (m == null) {
            return CorrelatorConfig.Deserialization.DEFAULTS;
        }
        CorrelatorConfig.DeserializationMode mode = m.parsed("mode", CorrelatorConfig.DeserializationMode.DENYLIST,
                DESER_MODES, t -> named(CorrelatorConfig.DeserializationMode.class, t, DESER_MODES));
        List<String> allow = new ArrayList<>();
        Node allowNode = m.get("allow");
        List<Node> items = allowNode == null ? List.of()
                : nodes.list(allowNode, m.path("allow"), "a list of " + DESER_ENTRY, true);
        if (items != null) {
            if (items.size() > CorrelatorConfig.Deserialization.MAX_ALLOW) {
                nodes.problems().add(allowNode, m.path("allow"), items.size() + " entries",
                        "at most " + CorrelatorConfig.Deserialization.MAX_ALLOW + " entries");
                items = List.of();
            }
            for (int i = 0; i < items.size(); i++) {
                String e = nodes.parsed(items.get(i), m.path("allow") + "[" + i + "]", DESER_ENTRY,
                        CorrelatorBinder::classEntry);
                if (e != null) {
                    allow.add(e);
                }
            }
        }
        if (mode == CorrelatorConfig.DeserializationMode.ALLOWLIST && allowNode == null) {
            nodes.problems().add(m.node(), m.path("allow"), null,
                    "allow set too with mode allowlist (the packages and classes the app deserializes)");
        }
        return new CorrelatorConfig.Deserialization(mode, allow);
    }

    /** A deserialization entry: dot-separated Java identifiers, a trailing {@code .} for a package. */
    static String classEntry(String text) {
        String t = text.strip();
        boolean segmentStart = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.' && !segmentStart) {
                segmentStart = true;
            } else if (c != '.' && (segmentStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c))) {
                segmentStart = false;
            } else {
                throw new IllegalArgumentException(DESER_ENTRY);
            }
        }
        if (t.isEmpty() || t.length() > 1024) {
            throw new IllegalArgumentException(DESER_ENTRY);
        }
        return t;
    }

    private String token(YamlMap m) {
        if (m.has("token") == m.has("token_file")) {
            nodes.problems().add(m.node(), m.path("token"), m.has("token") ? "both token and token_file" : null, TOKEN);
            return null;
        }
        String token;
        Node node;
        String key;
        if (m.has("token")) {
            key = "token";
            node = m.get(key);
            token = nodes.text(node, m.path(key), TOKEN);
        } else {
            key = "token_file";
            node = m.get(key);
            String expected = "a readable file holding the token";
            Path file = nodes.parsed(node, m.path(key), expected, t -> ConfigFiles.readable(baseDir, t, expected));
            token = file == null ? null : read(file, node, m.path(key));
        }
        if (token == null) {
            return null;
        }
        token = token.strip();
        if (token.length() < CorrelatorConfig.MIN_TOKEN_LENGTH) {
            nodes.problems().add(node, m.path(key), "(hidden, " + token.length() + " characters)", TOKEN);
            return null;
        }
        return token;
    }

    private String read(Path file, Node node, String path) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            nodes.problems().add(node, path, Nodes.printable(file.toString()), "a readable UTF-8 file holding the token");
            return null;
        }
    }

    private List<String> hosts(YamlMap m) {
        Node node = m.get("redirect_allowlist");
        if (node == null) {
            return List.of();
        }
        List<Node> items = nodes.list(node, m.path("redirect_allowlist"), "a list of host names", true);
        if (items == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = m.path("redirect_allowlist") + "[" + i + "]";
            String h = nodes.parsed(items.get(i), path, HOST, CorrelatorBinder::host);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    static String host(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String bare = t.startsWith("*.") ? t.substring(2) : t;
        if (bare.isEmpty() || !HostNames.isNameOrIpv4(bare)) {
            throw new IllegalArgumentException(HOST);
        }
        return t;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text, String expected) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expected);
        }
    }
}
