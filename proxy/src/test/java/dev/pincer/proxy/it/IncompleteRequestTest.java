package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.context.ContextHeader;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.correlator.testing.SensorClient;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No silent allow at a limit, through the whole proxy: a request inspection cannot represent whole
 * is rejected on a {@code reject} route (413 for the body, 400 for counts) before the app sees it,
 * and forwarded marked on a {@code suspect} route; each with one event and one count. Every limit
 * is tried at the limit (passes) and at limit + 1. The app plays the sensor: it sends a CHECK of
 * {@code SELECT ... WHERE name = '<name>'} for every request it handles. (MockWebServer hands even
 * a request whose connection was aborted mid-body to its dispatcher; a servlet container fails the
 * body read instead. The tests assert what was forwarded.)
 */
class IncompleteRequestTest {
    private static final String TOKEN = "incomplete-test-token-0123456789";
    private static final int BODY_LIMIT = 128 * 1024;

    private MockWebServer upstream;
    private PincerHarness pincer;
    private final AtomicInteger handled = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        if (upstream != null) {
            upstream.shutdown();
        }
    }

    private void start(String policy) throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                handled.incrementAndGet();
                ContextHeader.Verified v = new ContextHeader(TOKEN).verify(request.getHeader("X-Pincer-Context"),
                        System.currentTimeMillis() / 1000);
                if (v == null) {
                    return new MockResponse().setBody("no context");
                }
                try (SensorClient sensor = new SensorClient(pincer.server().correlatorAddress())) {
                    sensor.handshake(TOKEN, "test-app");
                    String sql = "SELECT id FROM users WHERE name = '" + name(request) + "'";
                    sensor.send(new Frame.Check(7, SinkKind.SQL.code(), new SinkCall(v.contextId(), SinkKind.SQL,
                            List.of(sql), Map.of("method", "executeQuery"), "")));
                    boolean blocked = sensor.read() instanceof Frame.Verdict fv && fv.verdict() == 1;
                    return blocked ? new MockResponse().setResponseCode(500) : new MockResponse().setBody("rows");
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(599).setBody(e.toString());
                }
            }
        });
        upstream.start();
        String routes = policy == null ? "" : "    protection: {incomplete: " + policy + "}\n";
        pincer = PincerHarness.start(PincerHarness.yaml(routes + "limits:\n  max_body_bytes: 16m\n"
                + "correlator:\n  listen: 127.0.0.1:0\n  token: " + TOKEN + "\n",
                upstream.getHostName() + ":" + upstream.getPort()));
    }

    /** The app's parameter "name": from the query, a form, or a JSON body, as an app would read it. */
    private static String name(RecordedRequest r) {
        String v = r.getRequestUrl().queryParameter("name");
        if (v != null) {
            return v;
        }
        String body = r.getBody().clone().readUtf8();
        Matcher json = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        if (json.find()) {
            return json.group(1);
        }
        for (String pair : body.split("&")) {
            if (pair.startsWith("name=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String params(int n) {
        return IntStream.range(0, n).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
    }

    private RawHttp.Response send(String raw) throws IOException {
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, raw);
            return RawHttp.read(s.getInputStream());
        }
    }

    private double incomplete(String reason, String action) {
        return pincer.metric("pincer_incomplete_requests_total", new String[] {"reason", "action"},
                new String[] {reason, action});
    }

    @Test
    void thousandParametersPassAndOneMoreIsRejectedWith400() throws Exception {
        start(null);
        try (EventCapture events = new EventCapture()) {
            assertEquals(200, send("GET /s?" + params(1000) + " HTTP/1.1\r\nHost: a\r\n\r\n").status());
            assertEquals(400, send("GET /s?" + params(1001) + " HTTP/1.1\r\nHost: a\r\n\r\n").status());
            assertEquals(1, handled.get(), "the incomplete request never reached the app");
            assertEquals(1.0, incomplete("count", "reject"));
            String event = await(events, "incomplete_request");
            assertTrue(event.contains("\"action\":\"reject\"") && event.contains("\"reasons\":[\"count\"]")
                    && event.contains("\"status\":400"), event);
        }
    }

    /** Regression: a thousand "/." segments used up the input budget, so the query's attack was never kept. */
    @Test
    void dotSegmentsNoLongerHideTheQuerysAttack() throws Exception {
        start(null);
        RawHttp.Response r = send("GET " + "/.".repeat(1000) + "/users?name=x%27%20OR%20%271%27%3D%271 HTTP/1.1\r\n"
                + "Host: a\r\n\r\n");
        assertEquals(403, r.status());
    }

    /** Regression: a body type the proxy did not parse (application/jsonx) hid its injection. */
    @Test
    void anUnknownJsonTypeIsSniffedAndItsInjectionBlocked() throws Exception {
        start(null);
        String body = "{\"name\":\"x' OR '1'='1\"}";
        RawHttp.Response r = send("POST /users HTTP/1.1\r\nHost: a\r\nContent-Type: application/jsonx\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertEquals(403, r.status());
    }

    @Test
    void aBodyAtTheLimitPassesAndOneByteMoreIsRejectedWith413BeforeConnecting() throws Exception {
        start(null);
        String atLimit = "name=bob&pad=" + "x".repeat(BODY_LIMIT - 13);
        assertEquals(200, send("POST /f HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + atLimit.length() + "\r\n\r\n" + atLimit).status());
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "POST /f HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + (BODY_LIMIT + 1) + "\r\n\r\n");
            assertEquals(413, RawHttp.read(s.getInputStream()).status(), "answered on the head alone");
        }
        assertEquals(1, upstream.getRequestCount(), "no upstream request for the one over the limit");
        assertEquals(1.0, incomplete("body", "reject"));
    }

    /** A chunked body that crosses the limit mid-stream: 413, and the app never handles it. */
    @Test
    void aChunkedBodyCrossingTheLimitIsCutAnd413() throws Exception {
        start(null);
        String first = "name=bob&pad=" + "x".repeat(100 * 1024);
        String second = "y".repeat(40 * 1024);
        RawHttp.Response r = send("POST /f HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(first.length()) + "\r\n" + first + "\r\n"
                + Integer.toHexString(second.length()) + "\r\n" + second + "\r\n");
        assertEquals(413, r.status());
        Thread.sleep(200);
        assertEquals(0, handled.get(), "the app never handled the cut request");
        assertEquals(0, upstream.getRequestCount(), "the body was held: no byte of the request went upstream");
    }

    /**
     * Regression: a form body whose 1,001st pair is cut is decided only once its body has been
     * read. The exchange holds the body prefix before it connects upstream, so the rejected request
     * never reaches the app at all (it used to be streamed and then cut, after Tomcat had started
     * the request).
     */
    @Test
    void aFormBodyCutAtItsPairLimitNeverReachesTheApp() throws Exception {
        start(null);
        String atLimit = params(999) + "&name=bob";
        assertEquals(200, send("POST /f HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + atLimit.length() + "\r\n\r\n" + atLimit).status());
        String over = params(1000) + "&name=x%27%20OR%20%271%27%3D%271";
        assertEquals(400, send("POST /f HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + over.length() + "\r\n\r\n" + over).status());
        Thread.sleep(200);
        assertEquals(1, upstream.getRequestCount(), "only the request at the limit went upstream");
        assertEquals(1.0, incomplete("count", "reject"));
    }

    /** A 10 MiB upload with small fields passes: file contents do not count against the body limit. */
    @Test
    void largeUploadWithSmallFieldsPassesAndALargeFieldDoesNot() throws Exception {
        start(null);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nbob\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes("z".repeat(10 << 20).getBytes(StandardCharsets.UTF_8));
        b.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        try (Socket s = RawHttp.connect(pincer.port())) {
            s.getOutputStream().write(("POST /up HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data; boundary=XyZ"
                    + "\r\nContent-Length: " + b.size() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            b.writeTo(s.getOutputStream());
            s.setSoTimeout(20_000);
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
        }
        String field = "--XyZ\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n" + "x".repeat(129 * 1024)
                + "\r\n--XyZ--\r\n";
        assertEquals(413, send("POST /up HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                + "Content-Length: " + field.length() + "\r\n\r\n" + field).status());
        assertEquals(10485899, upstream.takeRequest().getBodySize(), "the upload reached the app whole");
        // The crossing bytes never reach the app; the connection is aborted, so the app reads a cut body.
        RecordedRequest cut = upstream.takeRequest(5, TimeUnit.SECONDS);
        if (cut != null) {
            assertTrue(cut.getBodySize() <= BODY_LIMIT, "forwarded " + cut.getBodySize());
        }
    }

    /** suspect: the request goes on, marked, and the event says so; an injection in what was kept still blocks. */
    @Test
    void suspectForwardsWithTheTruncationsAndStillJudgesWhatWasKept() throws Exception {
        start("suspect");
        try (EventCapture events = new EventCapture()) {
            assertEquals(200, send("GET /s?" + params(1001) + " HTTP/1.1\r\nHost: a\r\n\r\n").status());
            assertEquals(1.0, incomplete("count", "suspect"));
            String event = await(events, "incomplete_request");
            assertTrue(event.contains("\"action\":\"suspect\"") && event.contains("\"status\":null"), event);
            assertEquals(403, send("GET /s?name=x%27%20OR%20%271%27%3D%271&" + params(1001)
                    + " HTTP/1.1\r\nHost: a\r\n\r\n").status());
        }
        assertEquals(2, handled.get());
    }

    private static String await(EventCapture events, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (String line : events.lines()) {
                if (line.contains("\"event\":\"" + kind + "\"")) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + kind + " event in " + events.lines());
    }
}
