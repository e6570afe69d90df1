package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.proxy.testing.PincerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule engine through the real server: {@code protection.rules} loads the OWASP CRS v4.28
 * (from {@code ../shared/crs}) and the operator's own files, phases 1 and 2 run before anything
 * goes upstream, a blocked request costs no upstream request, route exclusions apply, and a rule
 * file that does not compile names its file and line and never replaces the running set.
 */
class SignatureInspectionTest {
    private static final Duration T = Duration.ofSeconds(10);
    private MockWebServer upstream;
    private PincerHarness pincer;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    private static String crsRules() {
        Path c = dev.pincer.proxy.testing.CrsTree.dir();
        return "  rules: [" + c.resolve("crs-setup.conf.example") + ", \"" + c.resolve("rules") + "/*.conf\"]\n";
    }

    private String send(String request) throws Exception {
        return pincer.raw(request, T);
    }

    private String get(String target) throws Exception {
        return send("GET " + target + " HTTP/1.1\r\nHost: app\r\nUser-Agent: test\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }

    @Test
    void crsBlocksASqlInjectionAtTheEdgeAndPassesABenignRequest() throws Exception {
        pincer = PincerHarness.start(PincerHarness.yaml("protection:\n  mode: edge\n" + crsRules(),
                "127.0.0.1:" + upstream.getPort()));
        String attack;
        List<String> edge;
        try (EventCapture events = new EventCapture()) {
            attack = get("/search?id=1%27%20OR%20%271%27%3D%271");
            edge = events.lines().stream().filter(l -> l.contains("\"edge_finding\"")).toList();
        }
        assertEquals(403, PincerHarness.status(attack), attack);
        assertEquals(0, upstream.getRequestCount(), "the blocked request never reached the app");
        Matcher id = Pattern.compile("X-Request-Id: ([0-9a-f]{32})", Pattern.CASE_INSENSITIVE).matcher(attack);
        assertTrue(id.find(), attack);
        assertTrue(attack.contains("(request id " + id.group(1) + ")"), "the 403 page names the request id: " + attack);
        assertEquals(1, edge.size(), "one security event per blocked request: " + edge);
        String event = edge.get(0);
        assertTrue(event.contains("\"action\":\"block\"") && event.contains("\"control\":\"rules\""), event);
        assertTrue(event.contains("\"request_id\":\"" + id.group(1) + "\""), event);
        assertTrue(event.contains("\"rule_id\":\"942100\",\"message\":\"SQL Injection Attack Detected via libinjection\""),
                event);
        assertTrue(event.contains("\"attack-sqli\"") && event.contains("\"variable\":\"ARGS:id\"")
                && event.contains("1' OR '1'='1"), event);
        Matcher score = Pattern.compile("\"anomaly_score\":\\{\"inbound\":(\\d+),\"outbound\":0}").matcher(event);
        assertTrue(score.find() && Integer.parseInt(score.group(1)) >= 5, event);
        assertTrue(event.endsWith("\"status\":403}"), event);
        upstream.enqueue(new MockResponse().setBody("ok"));
        String benign = get("/search?q=hello+world");
        assertEquals(200, PincerHarness.status(benign), benign);
        assertEquals(1.0, pincer.metric("pincer_edge_blocks_total", new String[] {"control"}, new String[] {"rules"}));
        // the rule metrics are counted when the transaction closes, just after the answer went out
        assertEquals(1.0, eventually(() -> pincer.metric("pincer_rule_hits_total", new String[] {"rule"},
                new String[] {"949110"})), "the anomaly threshold rule fired once");
        assertEquals(1.0, eventually(() -> pincer.metric("pincer_rule_blocks_total", new String[] {"attack_class"},
                new String[] {"sqli"})));
    }

    private static double eventually(java.util.function.DoubleSupplier metric) throws InterruptedException {
        long end = System.nanoTime() + T.toNanos();
        double v = metric.getAsDouble();
        while (v == 0 && System.nanoTime() < end) {
            Thread.sleep(10);
            v = metric.getAsDouble();
        }
        return v;
    }

    @Test
    void aFormBodyIsInspectedBeforeItIsForwarded() throws Exception {
        pincer = PincerHarness.start(PincerHarness.yaml("protection:\n  mode: edge\n" + crsRules(),
                "127.0.0.1:" + upstream.getPort()));
        String body = "name=x%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        String r = send("POST /comment HTTP/1.1\r\nHost: app\r\nUser-Agent: test\r\nAccept: */*\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertEquals(403, PincerHarness.status(r), r);
        assertEquals(0, upstream.getRequestCount());
    }

    /**
     * With the correlator on, its extraction's pass over a JSON body also feeds the rules' ARGS
     * (phase 2 does not parse it again): CRS still reads every value, names the variable as v3
     * does, and a body that does not parse is refused by the body rules.
     */
    @Test
    void aJsonBodyIsParsedOnceForTheCorrelatorAndTheRules() throws Exception {
        pincer = PincerHarness.start(PincerHarness.yaml("correlator:\n  listen: 127.0.0.1:0\n  token: "
                + "0123456789abcdef0123456789abcdef\nprotection:\n  mode: hybrid\n" + crsRules(),
                "127.0.0.1:" + upstream.getPort()));
        String attack;
        List<String> edge;
        try (EventCapture events = new EventCapture()) {
            attack = json("{\"user\":{\"q\":\"1' OR '1'='1\"}}");
            edge = events.lines().stream().filter(l -> l.contains("\"edge_finding\"")).toList();
        }
        assertEquals(403, PincerHarness.status(attack), "no sensor is connected: the edge decides. " + attack);
        assertTrue(edge.size() == 1 && edge.get(0).contains("\"variable\":\"ARGS:json.user.q\""), edge.toString());
        assertEquals(400, PincerHarness.status(json("{\"user\":")), "REQBODY_ERROR");
        assertEquals(0, upstream.getRequestCount());
        upstream.enqueue(new MockResponse().setBody("ok"));
        assertEquals(200, PincerHarness.status(json("{\"user\":{\"name\":\"bob\",\"tags\":[\"a\",2]}}")));
    }

    private String json(String body) throws Exception {
        return send("POST /api HTTP/1.1\r\nHost: app\r\nUser-Agent: test\r\nAccept: */*\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    private Path ruleFile(String text) throws Exception {
        Path f = dir.resolve("my-rules.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aRoutesRuleExclusionsApplyToItsRequestsOnly() throws Exception {
        Path rules = ruleFile("SecRule ARGS:x \"@streq evil\" \"id:10001,phase:1,deny,status:403,tag:'attack-generic'\"\n");
        pincer = PincerHarness.start("listen: 127.0.0.1:0\nadmin: 127.0.0.1:0\naccess_log: false\n"
                + "upstreams:\n  app:\n    servers: [127.0.0.1:" + upstream.getPort() + "]\n"
                + "routes:\n"
                + "  - match: { path_prefix: /trusted }\n    upstream: app\n"
                + "    protection: { rule_exclusions: { ids: [\"10001\"] } }\n"
                + "  - match: { path_prefix: / }\n    upstream: app\n"
                + "protection:\n  mode: edge\n  rules: [" + rules + "]\n");
        assertEquals(403, PincerHarness.status(get("/other?x=evil")));
        upstream.enqueue(new MockResponse().setBody("ok"));
        assertEquals(200, PincerHarness.status(get("/trusted?x=evil")));
        assertEquals(1, upstream.getRequestCount());
    }

    @Test
    void aRuleFileThatDoesNotCompileNamesItsFileAndLine() throws Exception {
        Path rules = ruleFile("# mine\nSecRule ARGS \"@rx a\" \"id:1,phase:2,frobnicate\"\n");
        Exception e = assertThrows(Exception.class, () -> pincer = PincerHarness.start(
                PincerHarness.yaml("protection:\n  rules: [" + rules + "]\n", "127.0.0.1:" + upstream.getPort())));
        assertTrue(e.getMessage().contains("my-rules.conf:2: SecRule: action 'frobnicate' is unknown"), e.getMessage());
    }

    @Test
    void aReloadWithABrokenRuleFileKeepsTheRunningRules() throws Exception {
        Path rules = ruleFile("SecRule ARGS:x \"@streq evil\" \"id:10001,phase:1,deny,status:403\"\n");
        pincer = PincerHarness.start(PincerHarness.yaml("protection:\n  mode: edge\n  rules: [" + rules + "]\n",
                "127.0.0.1:" + upstream.getPort()));
        Files.writeString(rules, "SecRule ARGS:x \"@streq evil\" \"id:10001,phase:1,deny,status:403,chain\"\n");
        assertThrows(Exception.class, () -> pincer.server().reload(PincerHarness.load(pincer.configFile())));
        assertEquals(403, PincerHarness.status(get("/?x=evil")), "the running rule set still blocks");
        assertFalse(pincer.server() == null);
    }
}
