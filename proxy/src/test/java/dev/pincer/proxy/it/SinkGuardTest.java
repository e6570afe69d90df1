package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.context.ContextHeader;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.correlator.testing.SensorClient;
import dev.pincer.inspection.hint.InputHint;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy's part of sink correlation, whole: the signed context header on every forwarded
 * request (a client's own is discarded), the inputs the correlator sees (query and body), and the
 * app's response replaced by a 403 carrying the request id when a sink of that request was blocked.
 * The upstream plays the app and its sensor: it reads the header and sends a CHECK over a real
 * sensor connection before answering.
 */
class SinkGuardTest {
    private static final String TOKEN = "sink-guard-test-token-0123456789";

    private MockWebServer upstream;
    private PincerHarness pincer;
    private final ConcurrentLinkedQueue<String> contextHeaders = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Frame> verdicts = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        if (upstream != null) {
            upstream.shutdown();
        }
    }

    /** Starts an app whose one "sink" runs the SQL {@code query.apply(request)} after a CHECK. */
    private void start(String mode, Function<RecordedRequest, String> query) throws Exception {
        start("", mode, query);
    }

    /** {@link #start(String, Function)} with {@code routeKeys} on the one route (e.g. its own protection). */
    private void start(String routeKeys, String mode, Function<RecordedRequest, String> query) throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String header = request.getHeader("X-Pincer-Context");
                contextHeaders.add(String.valueOf(header));
                ContextHeader.Verified v = new ContextHeader(TOKEN).verify(header, System.currentTimeMillis() / 1000);
                if (v == null) {
                    return new MockResponse().setBody("no context");
                }
                try (SensorClient sensor = new SensorClient(pincer.server().correlatorAddress())) {
                    sensor.handshake(TOKEN, "test-app");
                    SinkCall call = new SinkCall(v.contextId(), SinkKind.SQL, List.of(query.apply(request)),
                            Map.of("method", "executeQuery"), "");
                    sensor.send(new Frame.Check(7, SinkKind.SQL.code(), call));
                    Frame verdict = sensor.read();
                    verdicts.add(verdict);
                    boolean blocked = verdict instanceof Frame.Verdict fv && fv.verdict() == 1;
                    return blocked ? new MockResponse().setResponseCode(500).setBody("app error page")
                            : new MockResponse().setBody("rows");
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(599).setBody(e.toString());
                }
            }
        });
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml(routeKeys + "correlator:\n  listen: 127.0.0.1:0\n  token: "
                + TOKEN + "\nprotection:\n  mode: " + mode + "\n", upstream.getHostName() + ":" + upstream.getPort()));
    }

    private static String nameQuery(String name) {
        return "SELECT id FROM users WHERE name = '" + name + "'";
    }

    private static String param(RecordedRequest r, String name) {
        String v = r.getRequestUrl().queryParameter(name);
        if (v == null) {
            String body = r.getBody().clone().readUtf8();
            for (String pair : body.split("&")) {
                if (pair.startsWith(name + "=")) {
                    v = java.net.URLDecoder.decode(pair.substring(name.length() + 1),
                            java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        return v == null ? "" : v;
    }

    /**
     * A route's own {@code protection.mode} decides its requests' sink verdicts: under a global
     * hybrid mode, the same injection on a monitor route is answered "would have blocked" (2) and
     * reaches the client.
     */
    @Test
    void aRouteInMonitorModeIsLoggedNotBlocked() throws Exception {
        start("    protection: { mode: monitor }\n", "hybrid", r -> nameQuery(param(r, "name")));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /users?name=x%27%20OR%20%271%27%3D%271 HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());

            assertEquals(200, r.status());
            assertEquals("rows", r.bodyText());
            Frame.Verdict v = (Frame.Verdict) verdicts.peek();
            assertEquals(2, v.verdict(), "monitor: the sink runs");
            assertEquals("sqli", v.attackClass());
        }
    }

    @Test
    void injectionInTheQueryStringIsAnsweredWith403CarryingTheRequestId() throws Exception {
        start("hybrid", r -> nameQuery(param(r, "name")));
        try (EventCapture events = new EventCapture(); Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /users?name=x%27%20OR%20%271%27%3D%271 HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());

            assertEquals(403, r.status());
            String id = r.header("x-request-id");
            assertNotNull(id);
            assertTrue(r.bodyText().contains(id), r.bodyText());
            assertTrue(!r.bodyText().contains("app error page"), "the app's response never reaches the client");
            assertEquals(1.0, pincer.metric("pincer_blocked_requests_total", new String[] {"stage"},
                    new String[] {"sink"}));
            String event = awaitEvent(events);
            assertTrue(event.contains("\"request_id\":\"" + id + "\""), event);
            assertTrue(event.contains("\"attack_class\":\"sqli\""), event);
            assertTrue(event.contains("\"source\":\"query\""), event);
        }
    }

    @Test
    void injectionInAFormBodyIsSeenBeforeTheAppReadsIt() throws Exception {
        start("hybrid", r -> nameQuery(param(r, "name")));
        String body = "name=x%27+OR+%271%27%3D%271&submit=go";
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "POST /login HTTP/1.1\r\nHost: shop.test\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            RawHttp.Response r = RawHttp.read(s.getInputStream());

            assertEquals(403, r.status());
        }
    }

    @Test
    void harmlessInputThatLooksScaryPasses() throws Exception {
        start("hybrid", r -> nameQuery(param(r, "name").replace("'", "''")));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /users?name=O%27Brien%20select%20your%20size HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());

            assertEquals(200, r.status());
            assertEquals("rows", r.bodyText());
        }
        assertEquals(0, pincer.server().metrics().blocked.labels("sink").get());
    }

    @Test
    void monitorModeLetsTheAttackThroughAndLogsIt() throws Exception {
        start("monitor", r -> nameQuery(param(r, "name")));
        try (EventCapture events = new EventCapture(); Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /users?name=x%27%20OR%20%271%27%3D%271 HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());

            assertEquals(200, r.status());
            Frame.Verdict v = (Frame.Verdict) verdicts.peek();
            assertEquals(2, v.verdict(), "monitor: allowed, would have blocked");
            assertTrue(awaitEvent(events).contains("\"action\":\"monitor\""));
        }
    }

    /** Regression guard: a client must not choose its own context, or claim it has no input. */
    @Test
    void aClientsOwnContextHeaderIsReplaced() throws Exception {
        start("hybrid", r -> nameQuery(param(r, "name")));
        String forged = new ContextHeader(TOKEN).sign("0".repeat(32), 0, System.currentTimeMillis() / 1000 + 60);
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /users?name=x%27%20OR%20%271%27%3D%271 HTTP/1.1\r\nHost: shop.test\r\n"
                    + "X-Pincer-Context: " + forged + "\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());

            assertEquals(403, r.status());
        }
        String seen = contextHeaders.peek();
        assertNotEquals(forged, seen);
        assertEquals(1, seen.split(",").length, "exactly one context header reaches the app");
    }

    @Test
    void theHintTellsTheSensorWhichSinkFamiliesAreWorthARoundTrip() throws Exception {
        start("hybrid", r -> "SELECT 1");
        ContextHeader h = new ContextHeader(TOKEN);
        long now = System.currentTimeMillis() / 1000;
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /42 HTTP/1.1\r\nHost: shop.test\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n");
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
            RawHttp.send(s, "GET /users?q=1%20or%201%3D1 HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
            RawHttp.send(s, "POST /users HTTP/1.1\r\nHost: shop.test\r\nContent-Length: 2\r\n\r\nhi");
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
        }
        List<Integer> hints = contextHeaders.stream().map(v -> h.verify(v, now).hint()).toList();
        assertEquals(List.of(InputHint.URL, InputHint.SYNTAX | InputHint.URL,
                InputHint.ALL), hints);
    }

    @Test
    void contextsAreDroppedWhenTheirResponseEnds() throws Exception {
        start("hybrid", r -> "SELECT 1");
        try (Socket s = RawHttp.connect(pincer.port())) {
            for (int i = 0; i < 3; i++) {
                RawHttp.send(s, "GET /x?i=" + i + " HTTP/1.1\r\nHost: shop.test\r\n\r\n");
                assertEquals(200, RawHttp.read(s.getInputStream()).status());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pincer.metric("pincer_request_contexts") != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0.0, pincer.metric("pincer_request_contexts"));
    }

    private static String awaitEvent(EventCapture events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.lines().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(!events.lines().isEmpty(), "a security event was logged");
        return events.lines().get(0);
    }
}
