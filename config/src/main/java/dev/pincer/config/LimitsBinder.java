package dev.pincer.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Binds {@code limits}; every absent key takes its value from {@link LimitsConfig#DEFAULT}. */
final class LimitsBinder {
    private static final List<String> KEYS = List.of("max_header_bytes", "max_uri_length", "max_headers",
            "max_body_bytes", "header_read_timeout", "client_idle_timeout",
            "body_read_timeout", "body_min_rate", "body_rate_grace", "body_memory_bytes", "body_spool_dir",
            "body_spool_max_bytes");
    private static final String SPOOL_DIR = "an existing, writable directory";
    private static final long K = 1024;
    private static final long M = 1024 * K;

    private LimitsBinder() {
    }

    static LimitsConfig bind(Nodes nodes, Node node, Path baseDir) {
        LimitsConfig d = LimitsConfig.DEFAULT;
        YamlMap m = nodes.map(node, "limits", "a mapping of limits", KEYS);
        if (m == null) {
            return d;
        }
        return new LimitsConfig(
                (int) m.size("max_header_bytes", d.maxHeaderBytes(), K, M),
                (int) m.size("max_uri_length", d.maxUriLength(), 256, M),
                (int) m.integer("max_headers", d.maxHeaders(), 1, 10_000),
                m.size("max_body_bytes", d.maxBodyBytes(), 0, M * M),
                m.duration("header_read_timeout", d.headerReadTimeout()),
                m.duration("client_idle_timeout", d.clientIdleTimeout()),
                m.duration("body_read_timeout", d.bodyReadTimeout()),
                m.size("body_min_rate", d.bodyMinRate(), 0, M * M),
                m.duration("body_rate_grace", d.bodyRateGrace()),
                (int) m.size("body_memory_bytes", d.bodyMemoryBytes(), 0, LimitsConfig.MAX_BODY_MEMORY_BYTES),
                spoolDir(nodes, m, baseDir, d.bodySpoolDir()),
                m.size("body_spool_max_bytes", d.bodySpoolMaxBytes(), 0, M * M));
    }

    /** {@code body_spool_dir}, resolved against the config file's directory; checked at load, not at the first upload. */
    private static Path spoolDir(Nodes nodes, YamlMap m, Path baseDir, Path dflt) {
        Node n = m.get("body_spool_dir");
        if (n == null) {
            return dflt;
        }
        Path p = nodes.parsed(n, m.path("body_spool_dir"), SPOOL_DIR, t -> {
            Path dir;
            try {
                dir = baseDir.resolve(t).normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(SPOOL_DIR + " (not a valid path)");
            }
            if (t.isBlank() || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new IllegalArgumentException(SPOOL_DIR + (dir.toString().equals(t) ? "" : " (looked at "
                        + Nodes.printable(dir.toString()) + ")"));
            }
            return dir;
        });
        return p == null ? dflt : p;
    }
}
