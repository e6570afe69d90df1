package dev.pincer.inspection.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ConfigLoader;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.PincerConfig;
import dev.pincer.config.RouteConfig;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A generation's compiled protection: one list per route and one for unrouted requests. */
class ProtectionTest {
    private static final String YAML = """
            listen: 127.0.0.1:0
            upstreams:
              app:
                servers: [127.0.0.1:9]
            routes:
              - match: { path_prefix: /a }
                upstream: app
              - match: { path_prefix: /b }
                upstream: app
            """;

    private static PincerConfig config(String extra) throws Exception {
        return ConfigLoader.parse(YAML + extra, "test.yaml");
    }

    @Test
    void byDefaultOnlyUploadDetectionRuns() throws Exception {
        PincerConfig c = config("");
        try (EdgeState state = new EdgeState()) {
            Protection p = Protection.compile(c, state);
            for (RouteConfig r : c.routes()) {
                assertEquals(java.util.List.of("upload"), p.participants(r).stream().map(x -> x.control()).toList());
            }
            assertEquals(1, p.participants(null).size());
        }
    }

    @Test
    void withEveryControlOffEveryRouteAndTheUnroutedCaseAreEmpty() throws Exception {
        PincerConfig c = config("protection:\n  uploads: { enabled: false }\n");
        try (EdgeState state = new EdgeState()) {
            Protection p = Protection.compile(c, state);
            for (RouteConfig r : c.routes()) {
                assertTrue(p.participants(r).isEmpty(), r.pathPrefix());
            }
            assertTrue(p.participants(null).isEmpty());
        }
    }

    @Test
    void theRegistryOrderIsIpFilterBansRateLimitsUploads() throws Exception {
        PincerConfig c = config("""
                protection:
                  ip_filter: { deny: [203.0.113.0/24] }
                  bans: { enabled: true }
                  rate_limits: [{ name: per_ip, key: ip, rate: 10/s, burst: 20 }]
                """);
        try (EdgeState state = new EdgeState()) {
            assertEquals(java.util.List.of("ip_filter", "ban", "rate_limit", "upload"),
                    Protection.compile(c, state).participants(c.routes().get(0)).stream().map(x -> x.control()).toList());
        }
    }

    @Test
    void theBodyPrefixIsTheProtectionSectionsOrItsDefault() throws Exception {
        try (EdgeState state = new EdgeState()) {
            assertEquals(ProtectionConfig.DEFAULT_BODY_PREFIX_BYTES, Protection.compile(config(""), state).bodyPrefixBytes());
            PincerConfig withPrefix = config("protection:\n  body_prefix_bytes: 4k\n");
            assertEquals(4096, Protection.compile(withPrefix, state).bodyPrefixBytes());
        }
    }

    @Test
    void aClosedStateIsRefused() throws Exception {
        EdgeState state = new EdgeState();
        state.close();
        state.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> Protection.compile(config(""), state));
    }

    @Test
    void theTestHookGivesEveryRouteTheSameList() throws Exception {
        Participant p = new Participant() {
            @Override
            public String control() {
                return "t";
            }

            @Override
            public Step open(Transaction tx) {
                return null;
            }
        };
        Protection prot = Protection.of(List.of(p), 10);
        PincerConfig c = config("");
        assertSame(p, prot.participants(c.routes().get(0)).get(0));
        assertSame(p, prot.participants(null).get(0));
        assertThrows(IllegalArgumentException.class, () -> Protection.of(List.of(), 0));
    }
}
