package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.proxy.testing.PincerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 through the real server: {@code protection.rules} pointed at the files of Debian's
 * {@code modsecurity-crs} package (CRS 3.3.x), in its owasp-crs.load order, with the YAML of
 * docs/rules.md ("CRS 3.3"). In {@code mode: edge} a classic SQL injection and a classic XSS are
 * answered 403 by 949110 without reaching the application, and a benign GET is forwarded.
 *
 * <p>{@code .ci/run} installs the package; without it this test fails under CI ({@code CI=true})
 * and is skipped only on a developer's machine.
 */
class DebianCrsTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final Path SETUP = Path.of("/etc/modsecurity/crs/crs-setup.conf");
    private static final Path RULES = Path.of("/usr/share/modsecurity-crs/rules");

    private MockWebServer upstream;
    private PincerHarness pincer;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isRegularFile(SETUP) || !Files.isDirectory(RULES)) {
            String why = "Debian's modsecurity-crs is not installed (" + SETUP + ", " + RULES
                    + "): apt-get install -y modsecurity-crs";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; CI installs it in .ci/run");
            }
            Assumptions.abort(why);
        }
        upstream = new MockWebServer();
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml("""
                protection:
                  mode: edge
                  rules:
                    - /etc/modsecurity/crs/crs-setup.conf
                    - /etc/modsecurity/crs/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf
                    - "/usr/share/modsecurity-crs/rules/*.conf"
                    - /etc/modsecurity/crs/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf
                """, "127.0.0.1:" + upstream.getPort()));
    }

    @AfterEach
    void stop() throws Exception {
        if (pincer != null) {
            pincer.close();
        }
        if (upstream != null) {
            upstream.shutdown();
        }
    }

    private String get(String target) throws Exception {
        return pincer.raw("GET " + target + " HTTP/1.1\r\nHost: app\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Connection: close\r\n\r\n", T);
    }

    @Test
    void classicSqlInjectionAndXssAreDeniedBy949110AndNeverForwarded() throws Exception {
        List<String> attacks = List.of(
                "/search?id=1%27%20OR%20%271%27%3D%271",
                "/search?id=1%20union%20select%20password%20from%20users",
                "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        try (EventCapture events = new EventCapture()) {
            for (String target : attacks) {
                String r = get(target);
                assertEquals(403, PincerHarness.status(r), target + ": " + r);
            }
            List<String> edge = events.lines().stream().filter(l -> l.contains("\"edge_finding\"")).toList();
            assertEquals(3, edge.size(), "one security event per blocked request: " + edge);
            assertTrue(edge.get(0).contains("\"rule_id\":\"942100\"") && edge.get(0).contains("\"attack-sqli\""), edge.get(0));
            assertTrue(edge.get(2).contains("\"rule_id\":\"941100\"") && edge.get(2).contains("\"attack-xss\""), edge.get(2));
        }
        assertEquals(0, upstream.getRequestCount(), "no blocked request reached the app");
        assertEquals(3.0, pincer.metric("pincer_edge_blocks_total", new String[] {"control"}, new String[] {"rules"}));
    }

    @Test
    void aBenignGetIsForwarded() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok").setHeader("Content-Type", "text/plain"));
        String r = get("/search?q=hello+world&page=2");
        assertEquals(200, PincerHarness.status(r), r);
        assertTrue(r.endsWith("ok"), r);
        assertEquals(1, upstream.getRequestCount());
    }
}
