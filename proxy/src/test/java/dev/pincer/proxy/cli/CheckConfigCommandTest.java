package dev.pincer.proxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code pincer check-config}: a valid file that weakens protection still passes (exit 0), with
 * one {@code warning: file:line: key: value (why)} line per weakness on stderr.
 */
class CheckConfigCommandTest {
    private static final String BASE = """
            listen: 127.0.0.1:8080
            upstreams:
              app:
                servers: [127.0.0.1:8081]
            routes:
              - upstream: app
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int checkConfig(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("pincer.yaml"), yaml);
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute("check-config", file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            correlator beyond loopback | correlator:\\n  listen: 0.0.0.0:7701\\n  token: 0123456789abcdef | 8: correlator.listen: 0.0.0.0:7701 (listens beyond loopback, on every interface
            edge mode, no rule engine  | correlator:\\n  token: 0123456789abcdef\\nprotection: {mode: edge} | 9: protection.mode: edge (no edge rules are configured
            trusting every client      | trusted_proxies: [0.0.0.0/0]                                  | 7: trusted_proxies[0]: 0.0.0.0/0 (trusts the forwarding headers of every IPv4 client
            """)
    void aWeakeningSettingIsOneWarningLineAndStillExitsZero(String name, String extra, String expected)
            throws Exception {
        assertEquals(0, checkConfig(BASE + extra.replace("\\n", "\n") + "\n"), err.toString());

        String[] lines = err.toString().strip().split("\\R");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("warning: " + dir.resolve("pincer.yaml") + ":" + expected), lines[0]);
        assertTrue(lines[0].endsWith(")"), lines[0]);
        assertEquals("config OK", out.toString().strip());
    }

    @Test
    void aCleanConfigHasNoWarnings() throws Exception {
        String yaml = BASE + "trusted_proxies: [10.0.0.0/8]\ncorrelator: {listen: 127.0.0.1:7701,"
                + " token: 0123456789abcdef}\nprotection: {mode: hybrid}\n";

        assertEquals(0, checkConfig(yaml));
        assertEquals("", err.toString());
        assertEquals("config OK", out.toString().strip());
    }

    @Test
    void everyWarningIsListedInLineOrder() throws Exception {
        String yaml = BASE + "protection: {mode: edge}\ncorrelator:\n  listen: 0.0.0.0:7701\n  token: 0123456789abcdef\n"
                + "trusted_proxies: [\"::/0\", 0.0.0.0/0]\n";

        assertEquals(0, checkConfig(yaml));

        String[] lines = err.toString().strip().split("\\R");
        assertEquals(4, lines.length, err.toString());
        String file = dir.resolve("pincer.yaml").toString();
        assertTrue(lines[0].startsWith("warning: " + file + ":7: protection.mode: edge ("), lines[0]);
        assertTrue(lines[1].startsWith("warning: " + file + ":9: correlator.listen: 0.0.0.0:7701 ("), lines[1]);
        assertTrue(lines[2].startsWith("warning: " + file + ":11: trusted_proxies[1]: 0.0.0.0/0 ("), lines[2]);
        assertTrue(lines[3].startsWith("warning: " + file + ":11: trusted_proxies[0]: ::/0 ("), lines[3]);
    }

    /** Problems come first and alone: an invalid file is not also warned about. */
    @Test
    void anInvalidConfigGetsProblemsNotWarnings() throws Exception {
        assertEquals(1, checkConfig(BASE + "trusted_proxies: [0.0.0.0/0]\nshutdown_grace: -5s\n"));

        assertFalse(err.toString().contains("warning:"), err.toString());
        assertTrue(err.toString().contains("shutdown_grace: -5s (expected: "), err.toString());
        assertEquals("", out.toString());
    }
}
