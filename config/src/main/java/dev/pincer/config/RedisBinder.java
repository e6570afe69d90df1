package dev.pincer.config;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Binds {@code protection.redis}: {@code address} is required, the rest has defaults. */
final class RedisBinder {
    private static final List<String> KEYS = List.of("address", "password_env", "database", "timeout", "prefix");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9:_.-]{1,64}");

    private RedisBinder() {
    }

    /** The Redis settings, or null when absent or bad (after reporting). */
    static RedisConfig bind(Nodes nodes, Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping of Redis settings", KEYS);
        if (m == null) {
            return null;
        }
        Node a = m.require("address", "host:port of the Redis server");
        HostPort address = a == null ? null
                : nodes.parsed(a, m.path("address"), "host:port of the Redis server", t -> HostPorts.parse(t, 1));
        String env = m.parsed("password_env", null, "an environment variable name", t -> {
            if (!ENV.matcher(t).matches()) {
                throw new IllegalArgumentException("an environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
            }
            return t;
        });
        Duration timeout = m.duration("timeout", RedisConfig.DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.compareTo(Duration.ofSeconds(5)) > 0) {
            nodes.problems().add(m.get("timeout"), m.path("timeout"), Nodes.show(m.get("timeout")),
                    "a duration above zero and at most 5s");
            timeout = RedisConfig.DEFAULT_TIMEOUT;
        }
        String prefix = m.parsed("prefix", RedisConfig.DEFAULT_PREFIX, "1 to 64 of A-Z, a-z, 0-9, :, _, . and -",
                t -> {
                    if (!PREFIX.matcher(t).matches()) {
                        throw new IllegalArgumentException("1 to 64 of A-Z, a-z, 0-9, :, _, . and -");
                    }
                    return t;
                });
        int db = (int) m.integer("database", 0, 0, 15);
        return address == null ? null : new RedisConfig(address, env, db, timeout, prefix);
    }
}
