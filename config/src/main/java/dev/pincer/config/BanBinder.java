package dev.pincer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Binds {@code protection.bans}; every absent key takes its value from {@link BanConfig#DEFAULT}. */
final class BanBinder {
    private static final List<String> KEYS = List.of("enabled", "after", "within", "ban_for", "max_bans",
            "admin_token_file", "admin_token_env");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final String ENV_EXPECTED = "an environment variable name ([A-Za-z_][A-Za-z0-9_]*)";

    private BanBinder() {
    }

    static BanConfig bind(Nodes nodes, Node node, String path) {
        BanConfig d = BanConfig.DEFAULT;
        YamlMap m = nodes.map(node, path, "a mapping of ban settings", KEYS);
        if (m == null) {
            return d;
        }
        Duration within = positive(m, "within", d.within());
        Duration banFor = positive(m, "ban_for", d.banFor());
        Path file = m.parsed("admin_token_file", null, "an absolute file path", t -> {
            Path p = t.indexOf('\0') >= 0 ? null : Path.of(t);
            if (p == null || !p.isAbsolute()) {
                throw new IllegalArgumentException("an absolute file path");
            }
            return p;
        });
        String env = m.parsed("admin_token_env", null, ENV_EXPECTED, t -> {
            if (!ENV.matcher(t).matches()) {
                throw new IllegalArgumentException(ENV_EXPECTED);
            }
            return t;
        });
        if (file != null && env != null) {
            nodes.problems().add(m.keyNode("admin_token_env"), m.path("admin_token_env"), env,
                    "either admin_token_file or admin_token_env, not both");
        }
        return new BanConfig(m.bool("enabled", d.enabled()), (int) m.integer("after", d.after(), 1, 1_000_000),
                within, banFor, (int) m.integer("max_bans", d.maxBans(), 1, 10_000_000), file, env);
    }

    private static Duration positive(YamlMap m, String key, Duration dflt) {
        Duration v = m.duration(key, dflt);
        if (v.isZero() || v.compareTo(Duration.ofDays(30)) > 0) {
            m.nodes().problems().add(m.get(key), m.path(key), Nodes.show(m.get(key)),
                    "a duration above zero and at most 30d");
            return dflt;
        }
        return v;
    }
}
