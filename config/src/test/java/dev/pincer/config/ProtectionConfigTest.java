package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import org.junit.jupiter.api.Test;

/**
 * The policy's keys of {@code protection} and {@code routes[i].protection}: defaults, every key,
 * the per-route overrides and how they resolve. The rejected values and the moved keys are cases
 * under {@code src/test/resources/invalid} ({@code protection_*}, {@code *_moved}).
 */
class ProtectionConfigTest {
    private static final String ROUTES = """
            listen: 127.0.0.1:8080
            upstreams:
              app:
                servers: [127.0.0.1:8081]
            routes:
              - match: { path_prefix: /admin }
                upstream: app
                protection: { mode: monitor, incomplete: reject }
              - match: { path_prefix: /upload }
                upstream: app
                protection: { mode: edge }
              - upstream: app
            """;

    @Test
    void absentSectionIsHybridRejectingAndBlockingLimits() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(ConfigLoaderTest.MINIMAL, "pincer.yaml");

        assertEquals(ProtectionConfig.DEFAULT, c.protection());
        assertEquals(new ProtectionConfig(Mode.HYBRID, RouteConfig.Incomplete.REJECT, OnAnalysisLimit.BLOCK,
                128 * 1024), c.protection());
        assertEquals(RouteProtection.DEFAULT, c.routes().get(0).protection());
    }

    @Test
    void everyKeyBinds() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(ConfigLoaderTest.MINIMAL + """
                protection:
                  mode: Monitor
                  incomplete: Suspect
                  on_analysis_limit: allow
                  body_prefix_bytes: 8k
                """, "pincer.yaml");

        assertEquals(new ProtectionConfig(Mode.MONITOR, RouteConfig.Incomplete.SUSPECT, OnAnalysisLimit.ALLOW,
                8 * 1024), c.protection());
        assertEquals(RouteConfig.Incomplete.SUSPECT, c.routes().get(0).incomplete(), "the global policy applies");
    }

    /** {@code value_memo} is on unless the operator turns it off; it goes with the rule files. */
    @Test
    void valueMemoIsOnByDefaultAndCanBeTurnedOff(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("my.conf"), "SecRuleEngine On\n");
        String base = ConfigLoaderTest.MINIMAL + "protection:\n  rules: [my.conf]\n";
        String file = dir.resolve("pincer.yaml").toString();
        assertEquals(true, ConfigLoader.parse(base, file).protection().rules().valueMemo());
        assertEquals(false, ConfigLoader.parse(base + "  value_memo: false\n", file).protection().rules().valueMemo());
        assertEquals(true, ConfigLoader.parse(base + "  value_memo: true\n", file).protection().rules().valueMemo());
    }

    /** A route's own mode and incomplete policy win over the global ones; a route without them inherits. */
    @Test
    void routeOverridesResolve() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(ROUTES + "protection: { incomplete: suspect }\n", "pincer.yaml");

        RouteConfig admin = c.routes().get(0);
        RouteConfig upload = c.routes().get(1);
        RouteConfig rest = c.routes().get(2);
        assertEquals(new RouteProtection(Mode.MONITOR, RouteConfig.Incomplete.REJECT), admin.protection());
        assertEquals(Mode.MONITOR, c.protection().mode(admin));
        assertEquals(RouteConfig.Incomplete.REJECT, admin.incomplete());
        assertEquals(Mode.EDGE, c.protection().mode(upload));
        assertNull(upload.protection().incomplete());
        assertEquals(RouteConfig.Incomplete.SUSPECT, upload.incomplete(), "inherited from protection.incomplete");
        assertEquals(Mode.HYBRID, c.protection().mode(rest));
        assertEquals(Mode.HYBRID, c.protection().mode(null), "no route: the global mode");
    }

    /** body_prefix_bytes: 0 and the largest value are accepted; limit + 1 is a problem (invalid case). */
    @Test
    void bodyPrefixBounds() throws ConfigException {
        assertEquals(0, ConfigLoader.parse(ConfigLoaderTest.MINIMAL + "protection: {body_prefix_bytes: 0}\n",
                "pincer.yaml").protection().bodyPrefixBytes());
        assertEquals(ProtectionConfig.MAX_BODY_PREFIX_BYTES, ConfigLoader.parse(ConfigLoaderTest.MINIMAL
                + "protection: {body_prefix_bytes: 16m}\n", "pincer.yaml").protection().bodyPrefixBytes());
        assertThrows(IllegalArgumentException.class, () -> new ProtectionConfig(Mode.HYBRID,
                RouteConfig.Incomplete.REJECT, OnAnalysisLimit.BLOCK, ProtectionConfig.MAX_BODY_PREFIX_BYTES + 1));
    }
}
