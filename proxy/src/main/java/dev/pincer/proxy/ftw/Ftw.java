package dev.pincer.proxy.ftw;

import dev.pincer.config.ConfigException;
import dev.pincer.config.ConfigLoader;
import dev.pincer.config.PincerConfig;
import dev.pincer.proxy.server.PincerServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The CRS regression suite (or any go-ftw suite) through the real proxy: starts a backend that
 * answers as the suite's albedo, starts Pincer in front of it with the CRS in
 * {@code ctl:ruleEngine=DetectionOnly} at every paranoia level (the suite's required setup,
 * {@code crs-regression-setup.conf}), sends each stage byte-exact, and judges it by the status and
 * the ModSecurity-format rule log. What {@code pincer ftw} and the build's regression test run.
 */
public final class Ftw {

    /** The setup the suite requires, as a resource of this package. */
    static final String SETUP = "crs-regression-setup.conf";
    /** Pincer's overrides for CRS v4.28's suite, as a resource of this package. */
    static final String OVERRIDES = "pincer-overrides.yaml";

    /**
     * @param crs a CRS tree: {@code crs-setup.conf.example} (or {@code crs-setup.conf}) and {@code rules/}
     * @param tests the go-ftw YAML tree ({@code tests/regression/tests} of the CRS tree when null)
     * @param overrides a go-ftw overrides file; null for Pincer's own ({@code pincer-overrides.yaml})
     * @param noOverrides run every test as written, with no overrides at all
     * @param only run only test files whose name starts with this, or null
     * @param timeoutMillis how long a stage's answer may take
     */
    public record Settings(Path crs, Path tests, Path overrides, boolean noOverrides, String only, int timeoutMillis) {
        public Settings {
            Objects.requireNonNull(crs, "crs");
            if (tests == null) {
                tests = crs.resolve("tests/regression/tests");
            }
            if (timeoutMillis <= 0) {
                throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
            }
        }
    }

    /** What a run found, and the text of its report. */
    public record Result(int total, int passed, int overridden, double rate, String summary, List<String> failures,
                         List<String> staleOverrides) {
    }

    private Ftw() {
    }

    /**
     * @throws IllegalArgumentException for a CRS tree, test file or overrides file that is not
     *         usable, naming it
     */
    public static Result run(Settings s, Path report) throws Exception {
        Path setupFile = setupFile(s.crs());
        List<FtwStage> stages = FtwSuite.load(s.tests(), s.only());
        Path dir = Files.createTempDirectory("pincer-ftw");
        Overrides overrides = Overrides.NONE;
        if (!s.noOverrides()) {
            Path file = s.overrides();
            if (file == null) {
                file = dir.resolve(OVERRIDES);
                copy(OVERRIDES, file);
            }
            overrides = Overrides.read(file);
        }
        List<String> stale = s.only() == null ? overrides.unmatched(stages) : List.of();
        copy(SETUP, dir.resolve(SETUP));
        try (AlbedoServer albedo = AlbedoServer.start();
             RuleLogCapture log = new RuleLogCapture();
             PincerServer proxy = PincerServer.start(config(s.crs(), setupFile, dir.resolve(SETUP), albedo.address()))) {
            InetSocketAddress at = proxy.listenAddresses().get(0);
            List<FtwRunner.StageOutcome> outcomes = new FtwRunner(at, log, s.timeoutMillis()).run(stages, overrides);
            FtwReport r = new FtwReport(outcomes, stale);
            if (report != null) {
                r.write(report);
            }
            return new Result(r.total(), r.passed(), r.overridden(), r.rate(), r.summary(), r.failures(), stale);
        } finally {
            Files.deleteIfExists(dir.resolve(SETUP));
            Files.deleteIfExists(dir.resolve(OVERRIDES));
            Files.deleteIfExists(dir);
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = Ftw.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            Files.copy(in, to);
        }
    }

    private static Path setupFile(Path crs) {
        for (String name : new String[] {"crs-setup.conf", "crs-setup.conf.example"}) {
            Path p = crs.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException(crs + ": no crs-setup.conf or crs-setup.conf.example (expected a CRS tree)");
    }

    static PincerConfig config(Path crs, Path crsSetup, Path suiteSetup, InetSocketAddress backend) throws ConfigException {
        if (!Files.isDirectory(crs.resolve("rules"))) {
            throw new IllegalArgumentException(crs + ": no rules/ folder (expected a CRS tree)");
        }
        return ConfigLoader.parse("""
                listen: 127.0.0.1:0
                upstreams:
                  albedo:
                    servers: [127.0.0.1:%d]
                routes:
                  - match: { path_prefix: / }
                    upstream: albedo
                protection:
                  mode: edge
                  uploads: { enabled: false }
                  rules:
                    - %s
                    - %s
                    - %s
                """.formatted(backend.getPort(), quote(crsSetup), quote(suiteSetup), quote(crs.resolve("rules").resolve("*.conf"))),
                "<pincer ftw>");
    }

    private static String quote(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
