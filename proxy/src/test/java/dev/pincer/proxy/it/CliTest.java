package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.cli.Main;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code pincer} command line, driven in-process with captured output. */
class CliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void checkConfigAcceptsAValidFile() throws Exception {
        Path file = dir.resolve("pincer.yaml");
        Files.writeString(file, PincerHarness.yaml("limits: { max_body_bytes: 1m }\n", "127.0.0.1:8081"));
        assertEquals(0, run("check-config", file.toString()), err.toString());
        assertEquals("config OK", out.toString().trim());
        assertEquals("", err.toString());
    }

    @Test
    void checkConfigListsEveryProblemOnePerLine() throws Exception {
        Path file = dir.resolve("pincer.yaml");
        Files.writeString(file, "listen: 127.0.0.1:99999\n"
                + "upstreams:\n"
                + "  app:\n"
                + "    servers: [127.0.0.1:8081]\n"
                + "    connect_timeout: -5s\n"
                + "routes:\n"
                + "  - upstream: ap\n");
        assertEquals(1, run("check-config", file.toString()));
        String[] lines = err.toString().trim().split("\\R");
        assertEquals(3, lines.length, err.toString());
        for (String line : lines) {
            assertTrue(line.matches("(?:.*/)?pincer\\.yaml:\\d+: [a-z_.\\[\\]0-9]+: .* \\(expected: .+\\)"), line);
        }
        assertTrue(err.toString().contains("/pincer.yaml:1: listen: 127.0.0.1:99999 (expected: "), err.toString());
        assertTrue(err.toString().contains("/pincer.yaml:5: upstreams.app.connect_timeout: -5s (expected: "),
                err.toString());
        assertTrue(err.toString().contains("/pincer.yaml:7: routes[0].upstream: ap (expected: "), err.toString());
        assertFalse(out.toString().contains("config OK"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "check-config", "echo", "healthcheck"})
    void everySubcommandHasHelp(String command) {
        assertEquals(0, run(command, "--help"), err.toString());
        assertTrue(out.toString().contains("Usage: pincer " + command), out.toString());
    }

    @Test
    void topLevelHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("check-config"), out.toString());
    }

    @Test
    void unknownFlagIsAClearErrorWithoutAStackTrace() {
        int code = run("check-config", "--bogus", "x.yaml");
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void baselineHashesTheGivenDirectoryIntoAFileTheCorrelatorReads() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\necho hi\n");
        tool.toFile().setExecutable(true);
        Path out = dir.resolve("exec.baseline");

        assertEquals(0, run("baseline", "--no-path", "--out", out.toString(), bin.toString()), err.toString());

        assertTrue(this.out.toString().contains("baseline: 1 executables"), this.out.toString());
        var baseline = dev.pincer.correlator.drift.ExecBaseline.load(out);
        assertTrue(baseline.containsPath(tool.toRealPath().toString()), Files.readString(out));
    }

    @Test
    void demoWithoutItsJarsSaysHowToBuildThem() {
        int code = run("demo", "--sensor", dir.resolve("missing.jar").toString(), "--app",
                dir.resolve("app.jar").toString());

        assertEquals(1, code);
        assertTrue(err.toString().contains("not found; build everything first"), err.toString());
    }
}
