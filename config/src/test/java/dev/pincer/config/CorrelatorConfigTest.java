package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelatorConfigTest {
    private static final String TOKEN = "0123456789abcdef0123";

    @TempDir
    Path tmp;

    @Test
    void absentSectionMeansNoCorrelator() throws ConfigException {
        assertNull(ConfigLoader.parse(ConfigLoaderTest.MINIMAL, "pincer.yaml").correlator());
    }

    @Test
    void tokenAloneGetsEveryDefault() throws ConfigException {
        CorrelatorConfig c = parse("correlator:\n  token: " + TOKEN + "\n").correlator();

        assertEquals(new CorrelatorConfig(CorrelatorConfig.DEFAULT_LISTEN, TOKEN, Duration.ofSeconds(1),
                256, 1 << 20, 1024, Duration.ofMinutes(5), 100_000,
                List.of(), CorrelatorConfig.ExecPolicy.ALLOW, null), c);
    }

    @Test
    void everyKeyBinds() throws Exception {
        Path baseline = Files.writeString(tmp.resolve("exec.baseline"), "# empty\n");
        Path cfg = tmp.resolve("pincer.yaml");
        Files.writeString(cfg, ConfigLoaderTest.MINIMAL + """
                correlator:
                  listen: 127.0.0.1:0
                  token: %s
                  verdict_timeout: 20ms
                  max_sensors: 8
                  max_frame_bytes: 64k
                  max_in_flight: 16
                  context_ttl: 30s
                  max_contexts: 1000
                  redirect_allowlist: [Example.com, "*.example.org"]
                  exec: baseline
                  exec_baseline: exec.baseline
                """.formatted(TOKEN));

        CorrelatorConfig c = ConfigLoader.load(cfg).correlator();

        assertEquals(new CorrelatorConfig(new HostPort("127.0.0.1", 0), TOKEN, Duration.ofMillis(20),
                8, 64 * 1024, 16, Duration.ofSeconds(30), 1000,
                List.of("example.com", "*.example.org"), CorrelatorConfig.ExecPolicy.BASELINE,
                baseline.toAbsolutePath().normalize()), c);
    }

    @Test
    void analysisKeysBind() throws ConfigException {
        CorrelatorConfig c = parse("correlator:\n  token: " + TOKEN + "\n  analysis_threads: 3\n"
                + "  analysis_queue: 10\n  request_analysis_checks: 2\n  request_analysis_time: 250ms\n").correlator();

        assertEquals(new CorrelatorConfig.Analysis(3, 10, 2, Duration.ofMillis(250)), c.analysis());
        assertEquals(3, c.analysis().resolvedThreads());
        assertEquals(CorrelatorConfig.Analysis.DEFAULTS, parse("correlator:\n  token: " + TOKEN + "\n")
                .correlator().analysis());
        assertTrue(CorrelatorConfig.Analysis.DEFAULTS.resolvedThreads() >= 1, "0 means one per processor");
    }

    @Test
    void analysisBoundsArePlusOneProblems() throws ConfigException {
        assertEquals(256, parse("correlator:\n  token: " + TOKEN + "\n  analysis_threads: 256\n")
                .correlator().analysis().threads());
        for (String bad : List.of("analysis_threads: 257", "analysis_threads: -1", "analysis_queue: 0",
                "request_analysis_checks: 0", "request_analysis_time: 0s", "request_analysis_time: 5")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> parse("correlator:\n  token: " + TOKEN + "\n  " + bad + "\n"), bad);
            assertTrue(e.getMessage().contains("correlator." + bad.substring(0, bad.indexOf(':'))), e.getMessage());
        }
    }

    @Test
    void tokenFileIsReadAndStripped() throws Exception {
        Files.writeString(tmp.resolve("token"), TOKEN + "\n");
        Path cfg = tmp.resolve("pincer.yaml");
        Files.writeString(cfg, ConfigLoaderTest.MINIMAL + "correlator:\n  token_file: token\n");

        assertEquals(TOKEN, ConfigLoader.load(cfg).correlator().token());
    }

    /** Regression guard: a problem report must never print the secret itself. */
    @Test
    void problemsNeverEchoTheToken() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("correlator:\n  token: s3cr3t-short\n"));

        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertTrue(e.getMessage().contains("(hidden, 12 characters)"),
                e.getMessage());
    }

    @Test
    void tokenAndTokenFileTogetherAreAProblem() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("correlator:\n  token: " + TOKEN + "\n  token_file: x\n"));

        assertTrue(e.getMessage().contains("both token and token_file"), e.getMessage());
    }

    private static PincerConfig parse(String section) throws ConfigException {
        return ConfigLoader.parse(ConfigLoaderTest.MINIMAL + section, "pincer.yaml");
    }
}
