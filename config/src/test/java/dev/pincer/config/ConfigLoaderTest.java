package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String MINIMAL = """
            listen: 127.0.0.1:8080
            admin: 127.0.0.1:9090
            upstreams:
              app:
                servers: [127.0.0.1:8081]
            routes:
              - match: { path_prefix: / }
                upstream: app
            """;

    @TempDir
    Path tmp;

    @Test
    void minimalConfigGetsEveryDefault() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(MINIMAL, "pincer.yaml");

        assertEquals(Path.of("pincer.yaml"), c.source());
        assertEquals(List.of(new ListenerConfig(new HostPort("127.0.0.1", 8080), null, false)), c.listeners());
        assertEquals(new HostPort("127.0.0.1", 9090), c.admin());
        UpstreamConfig app = c.upstreams().get("app");
        assertEquals(new UpstreamConfig("app", List.of(new HostPort("127.0.0.1", 8081)),
                Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(60), 1024, 64,
                HealthConfig.DEFAULT), app);
        assertEquals(List.of(new RouteConfig(null, "/", "app")), c.routes());
        assertEquals(RouteConfig.Incomplete.REJECT, c.routes().get(0).incomplete());
        assertEquals(new RouteConfig.Xss(true, 64 * 1024), c.routes().get(0).xss());
        assertEquals(LimitsConfig.DEFAULT, c.limits());
        assertEquals(List.of(), c.trustedProxies());
        assertTrue(c.accessLog());
        assertEquals(Duration.ofSeconds(10), c.shutdownGrace());
    }

    /** The XSS prefix at both ends of its range binds; one byte past either end is in invalid/route_xss_*. */
    @Test
    void xssPrefixBindsAtItsLimits() throws ConfigException {
        PincerConfig max = ConfigLoader.parse(MINIMAL + "    xss_prefix_bytes: 8m\n", "pincer.yaml");
        PincerConfig min = ConfigLoader.parse(MINIMAL + "    xss_prefix_bytes: 1024\n    xss: false\n", "pincer.yaml");

        assertEquals(new RouteConfig.Xss(true, RouteConfig.Xss.MAX_PREFIX_BYTES), max.routes().get(0).xss());
        assertEquals(new RouteConfig.Xss(false, RouteConfig.Xss.MIN_PREFIX_BYTES), min.routes().get(0).xss());
    }

    @Test
    void fullConfigBindsEveryKey() throws ConfigException {
        Path file = Path.of("src/test/resources/valid/full.yaml");
        PincerConfig c = ConfigLoader.load(file);

        Path dir = file.toAbsolutePath().getParent();
        assertEquals(List.of(
                new ListenerConfig(new HostPort("0.0.0.0", 8443),
                        new TlsConfig(dir.resolve("tls/cert.pem"), dir.resolve("tls/key.pem")), false,
                        UnderscoreHeaders.REJECT),
                new ListenerConfig(new HostPort("::1", 8080), null, false, UnderscoreHeaders.ALLOW),
                new ListenerConfig(new HostPort("127.0.0.1", 0), null, false),
                new ListenerConfig(new HostPort("127.0.0.1", 0), null, false)), c.listeners());
        assertNull(c.admin());
        assertEquals(new UpstreamConfig("app",
                List.of(new HostPort("127.0.0.1", 8081), new HostPort("app2.internal", 8081)),
                Duration.ofMillis(250), Duration.ofMinutes(2), Duration.ofHours(1), 16, 0,
                new HealthConfig(5, Duration.ofMinutes(1), Duration.ofSeconds(30)), 10, Duration.ofMillis(250)),
                c.upstreams().get("app"));
        assertEquals(List.of(new HostPort("::1", 9000)), c.upstreams().get("static-files.v2").servers());
        assertEquals(64, c.upstreams().get("static-files.v2").maxIdlePerServer());
        assertEquals(List.of(
                new RouteConfig("api.example.com", "/api", "app", RouteConfig.Incomplete.SUSPECT,
                        RouteConfig.Xss.DEFAULT, new RouteProtection(null, RouteConfig.Incomplete.SUSPECT)),
                new RouteConfig("*.example.com", "/", "static-files.v2", RouteConfig.Incomplete.REJECT,
                        RouteConfig.Xss.OFF),
                new RouteConfig("[::1]", "/", "app", RouteConfig.Incomplete.REJECT,
                        new RouteConfig.Xss(true, 1 << 20),
                        new RouteProtection(ProtectionConfig.Mode.MONITOR, RouteConfig.Incomplete.REJECT)),
                new RouteConfig(null, "/", "app")), c.routes());
        assertEquals(new LimitsConfig(16 * 1024, 4096, 50, 1L << 30, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(15), 1024, Duration.ofSeconds(3)), c.limits());
        assertEquals(List.of(CidrRange.parse("10.0.0.0/8"), CidrRange.parse("127.0.0.1"), CidrRange.parse("::1/128")),
                c.trustedProxies());
        assertFalse(c.accessLog());
        assertEquals(Duration.ofMinutes(1), c.shutdownGrace());
    }

    @Test
    void exampleConfigLoads() throws ConfigException {
        PincerConfig c = ConfigLoader.load(Path.of("../examples/pincer.yaml"));

        assertEquals(new HostPort("127.0.0.1", 8080), c.listeners().get(0).address());
        assertEquals(new HostPort("127.0.0.1", 9090), c.admin());
        assertEquals(List.of(new HostPort("127.0.0.1", 8081)), c.upstreams().get("app").servers());
        assertEquals("app", c.route("any.host", "/x").upstream());
        assertTrue(c.accessLog());
    }

    @Test
    void tlsListenerOffersHttp2ByDefault() throws Exception {
        Path cert = Files.writeString(tmp.resolve("cert.pem"), "x");
        Files.writeString(tmp.resolve("key.pem"), "x");
        String yaml = MINIMAL.replace("listen: 127.0.0.1:8080\n",
                "listeners:\n  - address: 127.0.0.1:8443\n    tls: {cert: cert.pem, key: " + tmp.resolve("key.pem") + "}\n");

        PincerConfig c = ConfigLoader.parse(yaml, tmp.resolve("pincer.yaml").toString());

        ListenerConfig l = c.listeners().get(0);
        assertTrue(l.http2());
        assertEquals(cert, l.tls().certificate());
    }

    /** The body spool's keys bind, its directory resolved against the config file's; each default stands alone. */
    @Test
    void bodySpoolKeysBind() throws Exception {
        Files.createDirectory(tmp.resolve("spool"));
        String yaml = MINIMAL + "limits: { body_memory_bytes: 64k, body_spool_dir: spool, body_spool_max_bytes: 2g }\n";

        LimitsConfig l = ConfigLoader.parse(yaml, tmp.resolve("pincer.yaml").toString()).limits();

        assertEquals(64 * 1024, l.bodyMemoryBytes());
        assertEquals(tmp.resolve("spool"), l.bodySpoolDir());
        assertEquals(2L << 30, l.bodySpoolMaxBytes());
        LimitsConfig d = ConfigLoader.parse(MINIMAL + "limits: { max_headers: 10 }\n", "t.yaml").limits();
        assertEquals(LimitsConfig.DEFAULT_BODY_MEMORY_BYTES, d.bodyMemoryBytes());
        assertEquals(LimitsConfig.defaultSpoolDir(), d.bodySpoolDir());
        assertEquals(LimitsConfig.DEFAULT_BODY_SPOOL_MAX_BYTES, d.bodySpoolMaxBytes());
    }

    @Test
    void ephemeralPortsMayRepeatAcrossListenerAndAdmin() throws ConfigException {
        String yaml = MINIMAL.replace("8080", "0").replace("9090", "0");

        assertEquals(0, ConfigLoader.parse(yaml, "t.yaml").admin().port());
    }

    @Test
    void adminFalseMeansNoAdminListener() throws ConfigException {
        assertNull(ConfigLoader.parse(MINIMAL.replace("127.0.0.1:9090", "false"), "t.yaml").admin());
        assertNull(ConfigLoader.parse(MINIMAL.replace("admin: 127.0.0.1:9090\n", ""), "t.yaml").admin());
    }

    @Test
    void loadUsesTheFileAsSourceAndSkipsAByteOrderMark() throws Exception {
        Path file = Files.writeString(tmp.resolve("pincer.yaml"), "\uFEFF" + MINIMAL);

        assertEquals(file, ConfigLoader.load(file).source());
    }

    @Test
    void missingFileIsAProblem() {
        Path file = tmp.resolve("absent.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertEquals(List.of(file + ": (file): no such file (expected: a readable config file)"), lines(e));
    }

    @Test
    void directoryIsAProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(tmp));

        assertEquals(1, e.problems().size());
        assertEquals("a readable config file", e.problems().get(0).expected());
    }

    @Test
    void fileOverOneMebibyteIsRejectedBeforeParsing() throws IOException {
        String big = MINIMAL + "#".repeat(ConfigLoader.MAX_BYTES) + "\n";
        Path file = Files.writeString(tmp.resolve("big.yaml"), big);

        ConfigException fromFile = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        ConfigException fromText = assertThrows(ConfigException.class, () -> ConfigLoader.parse(big, "big.yaml"));

        assertEquals(List.of(file + ": (file): more than 1048576 bytes (expected: at most 1048576 bytes (1 MiB))"),
                lines(fromFile));
        assertEquals(List.of("big.yaml: (file): " + (MINIMAL.length() + ConfigLoader.MAX_BYTES + 1)
                + " bytes (expected: at most 1048576 bytes (1 MiB))"), lines(fromText));
    }

    @Test
    void fileOfExactlyOneMebibyteIsRead() throws Exception {
        String padded = MINIMAL + "#".repeat(ConfigLoader.MAX_BYTES - MINIMAL.length());
        Path file = Files.writeString(tmp.resolve("max.yaml"), padded);

        assertEquals(1, ConfigLoader.load(file).listeners().size());
    }

    @Test
    void nonUtf8FileIsAProblem() throws IOException {
        Path file = Files.write(tmp.resolve("latin1.yaml"), "listen: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        assertEquals(List.of(file + ": (file): not UTF-8 (expected: a UTF-8 text file)"), lines(e));
    }

    private static List<String> lines(ConfigException e) {
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }
}
