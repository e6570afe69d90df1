package dev.pincer.config;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Binds {@code limits}; every absent key takes its value from {@link LimitsConfig#DEFAULT}. */
final class LimitsBinder {
    private static final List<String> KEYS = List.of("max_header_bytes", "max_uri_length", "max_headers",
            "max_body_bytes", "header_read_timeout", "client_idle_timeout",
            "body_read_timeout", "body_min_rate", "body_rate_grace");
    private static final long K = 1024;
    private static final long M = 1024 * K;

    private LimitsBinder() {
    }

    static LimitsConfig bind(Nodes nodes, Node node) {
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
                m.duration("body_rate_grace", d.bodyRateGrace()));
    }
}
