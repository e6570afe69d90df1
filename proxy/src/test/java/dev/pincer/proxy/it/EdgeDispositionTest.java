package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.context.ContextHeader;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.correlator.testing.SensorClient;
import dev.pincer.inspection.protection.Protection;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.proxy.it.FakeParticipant.Phase;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way Pincer blocks a request tells the transaction's close that it was blocked and by what,
 * so automatic bans can count them: the correlator's sink verdict ({@code correlator}), the XSS
 * response check ({@code response}), an incomplete-request rejection ({@code incomplete}). A
 * request the app answered is no block.
 */
class EdgeDispositionTest {
    private static final String TOKEN = "edge-disposition-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private MockWebServer upstream;
    private PincerHarness pincer;
    private final FakeParticipant watcher = new FakeParticipant("watch", Phase.NONE);

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        if (upstream != null) {
            upstream.shutdown();
        }
    }

    private void start(String routeKeys, Function<RecordedRequest, MockResponse> app) throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return app.apply(request);
            }
        });
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml(routeKeys + "correlator:\n  listen: 127.0.0.1:0\n  token: "
                + TOKEN + "\nprotection:\n  mode: hybrid\n", upstream.getHostName() + ":" + upstream.getPort()));
        pincer.server().useProtection(Protection.of(List.of(watcher), 128 * 1024));
    }

    private Disposition closed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (watcher.closes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        assertEquals(1, watcher.closes.size(), watcher.closes.toString());
        return watcher.closes.peek();
    }

    /** The app plays the sensor: a CHECK of the query parameter concatenated into SQL. */
    private MockResponse sensor(RecordedRequest request) {
        ContextHeader.Verified v = new ContextHeader(TOKEN).verify(request.getHeader("X-Pincer-Context"),
                System.currentTimeMillis() / 1000);
        if (v == null) {
            return new MockResponse().setBody("no context");
        }
        try (SensorClient sensor = new SensorClient(pincer.server().correlatorAddress())) {
            sensor.handshake(TOKEN, "test-app");
            String sql = "SELECT id FROM users WHERE name = '" + request.getRequestUrl().queryParameter("name") + "'";
            sensor.send(new Frame.Check(7, SinkKind.SQL.code(), new SinkCall(v.contextId(), SinkKind.SQL,
                    List.of(sql), Map.of("method", "executeQuery"), "")));
            boolean blocked = sensor.read() instanceof Frame.Verdict fv && fv.verdict() == 1;
            return blocked ? new MockResponse().setResponseCode(500) : new MockResponse().setBody("rows");
        } catch (IOException e) {
            return new MockResponse().setResponseCode(599).setBody(e.toString());
        }
    }

    @Test
    void aSinkBlockIsTheCorrelators() throws Exception {
        start("", this::sensor);
        String r = pincer.raw("GET /users?name=x%27%20OR%20%271%27=%271 HTTP/1.1\r\nHost: app\r\n\r\n", WAIT);
        assertEquals(403, PincerHarness.status(r), r);
        assertEquals(Disposition.blockedBy("correlator", 403), closed());
    }

    /** An edge suspect marks the correlator's context: the sink verdict names the edge's rule ids. */
    @Test
    void anEdgeSuspectReachesTheSinkVerdict() throws Exception {
        start("", this::sensor);
        FakeParticipant suspect = new FakeParticipant("fake", Phase.HEAD).suspect();
        pincer.server().useProtection(Protection.of(List.of(suspect), 128 * 1024));
        try (EventCapture events = new EventCapture()) {
            String r = pincer.raw("GET /users?name=x%27%20OR%20%271%27=%271 HTTP/1.1\r\nHost: app\r\n\r\n", WAIT);
            assertEquals(403, PincerHarness.status(r), r);
            String verdict = events.lines().stream().filter(l -> l.contains("\"sink_verdict\"")).findFirst()
                    .orElseThrow();
            assertTrue(verdict.contains("\"edge_rule_ids\":[\"fake-1\"]"), verdict);
            List<String> edge = awaitEdgeEvents(events);
            assertEquals(1, edge.size(), "one event per flagged request: " + edge);
            assertTrue(edge.get(0).contains("\"action\":\"suspect\",\"outcome\":\"confirmed\"")
                    && edge.get(0).endsWith("\"status\":403}"), edge.get(0));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (suspect.closes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(Disposition.blockedBy("correlator", 403)), List.copyOf(suspect.closes));
    }

    /** A suspect the sink does not confirm is logged once, when the request ends, as cleared. */
    @Test
    void anEdgeSuspectTheSinkClearsIsLoggedAsCleared() throws Exception {
        start("", this::sensor);
        FakeParticipant suspect = new FakeParticipant("fake", Phase.HEAD).suspect();
        pincer.server().useProtection(Protection.of(List.of(suspect), 128 * 1024));
        try (EventCapture events = new EventCapture()) {
            String r = pincer.raw("GET /users?name=alice HTTP/1.1\r\nHost: app\r\n\r\n", WAIT);
            assertEquals(200, PincerHarness.status(r), r);
            List<String> edge = awaitEdgeEvents(events);
            assertEquals(1, edge.size(), edge.toString());
            assertTrue(edge.get(0).contains("\"action\":\"suspect\",\"outcome\":\"cleared\"")
                    && edge.get(0).endsWith("\"status\":200}"), edge.get(0));
        }
    }

    private static List<String> awaitEdgeEvents(EventCapture events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<String> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            found = events.lines().stream().filter(l -> l.contains("\"edge_finding\"")).toList();
        }
        Thread.sleep(50);
        return events.lines().stream().filter(l -> l.contains("\"edge_finding\"")).toList();
    }

    @Test
    void aBenignSinkCallIsNoBlock() throws Exception {
        start("", this::sensor);
        String r = pincer.raw("GET /users?name=alice HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n", WAIT);
        assertEquals(200, PincerHarness.status(r), r);
        assertEquals(Disposition.answered(200), closed());
    }

    @Test
    void anXssResponseBlockIsTheResponses() throws Exception {
        start("", req -> new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody("<p>Hello " + req.getRequestUrl().queryParameter("q") + "</p>"));
        String r = pincer.raw("GET /search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E HTTP/1.1\r\nHost: app\r\n\r\n", WAIT);
        assertEquals(403, PincerHarness.status(r), r);
        assertEquals(Disposition.blockedBy("response", 403), closed());
    }

    @Test
    void anIncompleteRejectionIsIncompletes() throws Exception {
        start("    protection:\n      incomplete: reject\n", req -> new MockResponse().setBody("never"));
        int n = 128 * 1024 + 1;
        String r = pincer.raw("POST /f HTTP/1.1\r\nHost: app\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + n + "\r\n\r\n" + "a".repeat(n), WAIT);
        assertEquals(413, PincerHarness.status(r), r);
        assertEquals(0, upstream.getRequestCount());
        assertEquals(Disposition.blockedBy("incomplete", 413), closed());
    }
}
