package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reflected-XSS check, whole: an HTML response that echoes a request input as markup is
 * replaced by a 403 naming the request id (one {@code xss} event, {@code stage="response"});
 * the same input escaped passes byte for byte, with the upstream's framing (content-length or
 * chunked) and coding (gzip); responses that are not HTML, or to requests without markup in their
 * inputs, stream unheld; a reflection past the judged prefix cuts the response; a coding the check
 * cannot decode is never passed as judged. No sensor is involved: the context's inputs suffice.
 */
class XssResponseTest {
    private static final String TOKEN = "xss-response-test-token-0123456789";
    private static final String ATTACK = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";

    private MockWebServer upstream;
    private PincerHarness pincer;

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        if (upstream != null) {
            upstream.shutdown();
        }
    }

    private void start(String mode, String routeKeys, Function<RecordedRequest, MockResponse> app) throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return app.apply(request);
            }
        });
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml(routeKeys + "correlator:\n  listen: 127.0.0.1:0\n  token: "
                + TOKEN + "\nprotection:\n  mode: " + mode + "\n", upstream.getHostName() + ":" + upstream.getPort()));
    }

    private static String q(RecordedRequest r) {
        String v = r.getRequestUrl().queryParameter("q");
        return v == null ? "" : v;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static MockResponse html(String body) {
        return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(body);
    }

    private RawHttp.Response get(String target) throws IOException {
        return get(target, "");
    }

    private RawHttp.Response get(String target, String headers) throws IOException {
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET " + target + " HTTP/1.1\r\nHost: shop.test\r\n" + headers + "\r\n");
            return RawHttp.read(s.getInputStream());
        }
    }

    private double blocked(String stage) {
        return pincer.metric("pincer_blocked_requests_total", new String[] {"stage"}, new String[] {stage});
    }

    @Test
    void aReflectionAsMarkupIsAnsweredWith403CarryingTheRequestId() throws Exception {
        start("hybrid", "", r -> html("<html><body><p>Hello " + q(r) + "</p></body></html>"));
        try (EventCapture events = new EventCapture()) {
            RawHttp.Response r = get("/search?q=" + ATTACK);

            assertEquals(403, r.status());
            String id = r.header("x-request-id");
            assertNotNull(id);
            assertTrue(r.bodyText().contains(id), r.bodyText());
            assertFalse(r.bodyText().contains("<script>"), "the app's response never reaches the client");
            assertEquals(1.0, blocked("response"));
            String event = awaitEvent(events);
            assertTrue(event.contains("\"request_id\":\"" + id + "\""), event);
            assertTrue(event.contains("\"attack_class\":\"xss\""), event);
            assertTrue(event.contains("\"action\":\"block\""), event);
            assertTrue(event.contains("\"sink\":{\"kind\":\"response\""), event);
            assertTrue(event.contains("\"name\":\"q\""), event);
            assertTrue(event.contains("opens a tag"), event);
        }
    }

    @Test
    void anEscapedReflectionPassesByteForByteWithContentLength() throws Exception {
        start("hybrid", "", r -> html("<p>Hello " + escape(q(r)) + "</p>"));
        RawHttp.Response r = get("/search?q=" + ATTACK);

        assertEquals(200, r.status());
        String expected = "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>";
        assertEquals(expected, r.bodyText());
        assertEquals(String.valueOf(expected.length()), r.header("content-length"));
        assertFalse(r.chunked());
        assertEquals(0.0, blocked("response"));
    }

    @Test
    void anEscapedReflectionPassesChunkedAsTheUpstreamSentIt() throws Exception {
        String page = "<ul>" + "<li>row</li>".repeat(2000) + "</ul>";
        start("hybrid", "", r -> new MockResponse().setHeader("Content-Type", "text/html")
                .setChunkedBody("<p>" + escape(q(r)) + "</p>" + page, 1000));
        RawHttp.Response r = get("/search?q=%22%3E%3Cb%3E");

        assertEquals(200, r.status());
        assertTrue(r.chunked());
        assertEquals("<p>&quot;&gt;&lt;b&gt;</p>" + page, r.bodyText());
    }

    @Test
    void aChunkedReflectionIsBlocked() throws Exception {
        start("hybrid", "", r -> new MockResponse().setHeader("Content-Type", "text/html")
                .setChunkedBody("<input value=\"" + q(r) + "\">", 5));
        RawHttp.Response r = get("/search?q=%22%20autofocus%20onfocus%3D%22alert(1)");

        assertEquals(403, r.status());
        assertEquals(1.0, blocked("response"));
    }

    @Test
    void aResponseThatIsNotHtmlIsNeverJudged() throws Exception {
        start("hybrid", "", r -> new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"q\":\"" + q(r) + "\"}"));
        RawHttp.Response r = get("/search?q=" + ATTACK);

        assertEquals(200, r.status());
        assertEquals("{\"q\":\"<script>alert(1)</script>\"}", r.bodyText());
    }

    @Test
    void aMissingContentTypeIsJudgedAsHtmlBecauseBrowsersSniffIt() throws Exception {
        start("hybrid", "", r -> new MockResponse().setBody("<p>" + q(r) + "</p>"));
        assertEquals(403, get("/search?q=" + ATTACK).status());
    }

    @Test
    void theRouteCanTurnTheCheckOff() throws Exception {
        start("hybrid", "    xss: false\n", r -> html("<p>" + q(r) + "</p>"));
        RawHttp.Response r = get("/search?q=" + ATTACK);

        assertEquals(200, r.status());
        assertEquals("<p><script>alert(1)</script></p>", r.bodyText());
    }

    @Test
    void monitorModeLogsTheReflectionAndPassesIt() throws Exception {
        start("monitor", "", r -> html("<p>" + q(r) + "</p>"));
        try (EventCapture events = new EventCapture()) {
            RawHttp.Response r = get("/search?q=" + ATTACK);

            assertEquals(200, r.status());
            assertEquals("<p><script>alert(1)</script></p>", r.bodyText());
            String event = awaitEvent(events);
            assertTrue(event.contains("\"action\":\"monitor\"") && event.contains("\"sink_ran\":true"), event);
        }
        assertEquals(0.0, blocked("response"));
    }

    @Test
    void edgeModeBlocksToo() throws Exception {
        start("edge", "", r -> html("<p>" + q(r) + "</p>"));
        assertEquals(403, get("/search?q=" + ATTACK).status());
    }

    @Test
    void aReflectionInsideTheJudgedPrefixOfALargePageIsBlocked() throws Exception {
        String filler = "<p>" + "x".repeat(500) + "</p>";
        start("hybrid", "    xss_prefix_bytes: 1k\n", r -> html(filler + q(r) + filler.repeat(20)));
        RawHttp.Response r = get("/search?q=" + ATTACK);

        assertEquals(403, r.status());
        assertEquals(1.0, blocked("response"));
    }

    /** Past the prefix the context is unknown: an unescaped echo of a markup input cuts the response. */
    @Test
    void aReflectionPastThePrefixCutsTheResponse() throws Exception {
        String filler = "<p>" + "x".repeat(500) + "</p>";
        start("hybrid", "    xss_prefix_bytes: 1k\n", r -> new MockResponse().setHeader("Content-Type", "text/html")
                .setChunkedBody(filler.repeat(4) + q(r) + filler.repeat(4), 256));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /search?q=" + ATTACK + " HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            byte[] got = s.getInputStream().readAllBytes(); // the proxy closes the connection
            String text = new String(got, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 200"), text);
            assertFalse(text.contains("<script>"), "the reflection never reaches the client");
            assertFalse(text.endsWith("0\r\n\r\n"), "the chunked body is never completed");
        }
        assertEquals(1.0, blocked("response_late"));
    }

    @Test
    void anEscapedReflectionPastThePrefixPassesWhole() throws Exception {
        String filler = "<p>" + "x".repeat(500) + "</p>";
        start("hybrid", "    xss_prefix_bytes: 1k\n", r -> new MockResponse().setHeader("Content-Type", "text/html")
                .setChunkedBody(filler.repeat(4) + escape(q(r)) + filler.repeat(4), 256));
        RawHttp.Response r = get("/search?q=" + ATTACK);

        assertEquals(200, r.status());
        assertEquals(filler.repeat(4) + "&lt;script&gt;alert(1)&lt;/script&gt;" + filler.repeat(4), r.bodyText());
    }

    @Test
    void aGzipReflectionIsDecodedAndBlocked() throws Exception {
        start("hybrid", "", r -> gzipHtml("<p>Hello " + q(r) + "</p>"));
        assertEquals(403, get("/search?q=" + ATTACK, "Accept-Encoding: gzip\r\n").status());
    }

    @Test
    void aGzipEscapedReflectionPassesWithItsCompressedBytes() throws Exception {
        String page = "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>" + "<i>filler</i>".repeat(3000);
        byte[] gz = gzip(page);
        start("hybrid", "", r -> new MockResponse().setHeader("Content-Type", "text/html")
                .setHeader("Content-Encoding", "gzip").setBody(new Buffer().write(gz)));
        RawHttp.Response r = get("/search?q=" + ATTACK, "Accept-Encoding: gzip\r\n");

        assertEquals(200, r.status());
        assertEquals("gzip", r.header("content-encoding"));
        assertArrayEquals(gz, r.body());
    }

    @Test
    void acceptEncodingIsNarrowedToWhatTheCheckDecodesOnlyForMarkupInputs() throws Exception {
        start("hybrid", "", r -> html("ok"));
        get("/search?q=" + ATTACK, "Accept-Encoding: gzip, deflate, br, zstd\r\n");
        get("/search?q=shoes", "Accept-Encoding: gzip, deflate, br, zstd\r\n");

        assertEquals("gzip, deflate", upstream.takeRequest().getHeader("Accept-Encoding"));
        assertEquals("gzip, deflate, br, zstd", upstream.takeRequest().getHeader("Accept-Encoding"));
    }

    @Test
    void aCodingTheCheckCannotDecodeIsNotPassedAsJudged() throws Exception {
        start("hybrid", "", r -> new MockResponse().setHeader("Content-Type", "text/html")
                .setHeader("Content-Encoding", "br").setBody("\u000b\u0003\u0080<p>x</p>\u0003"));
        try (EventCapture events = new EventCapture()) {
            assertEquals(403, get("/search?q=" + ATTACK, "Accept-Encoding: br\r\n").status());
            String event = awaitEvent(events);
            assertTrue(event.contains("\"attack_class\":\"analysis_limit\"") && event.contains("response_decoding"),
                    event);
        }
    }

    /** {@code on_analysis_limit: allow}: a body the check cannot decode passes, and the event says it was not judged. */
    @Test
    void anUndecodableBodyPassesObservedUnderOnAnalysisLimitAllow() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "text/html").setHeader("Content-Encoding", "br")
                        .setBody("not decodable");
            }
        });
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml("correlator:\n  listen: 127.0.0.1:0\n  token: " + TOKEN
                + "\nprotection:\n  on_analysis_limit: allow\n", upstream.getHostName() + ":" + upstream.getPort()));
        try (EventCapture events = new EventCapture()) {
            RawHttp.Response r = get("/search?q=" + ATTACK, "Accept-Encoding: br\r\n");
            assertEquals(200, r.status());
            assertEquals("not decodable", r.bodyText());
            String event = awaitEvent(events);
            assertTrue(event.contains("\"action\":\"observed\"") && event.contains("response_decoding"), event);
        }
        assertEquals(0.0, blocked("response"));
    }

    @Test
    void aHeadRequestIsNeverHeld() throws Exception {
        start("hybrid", "", r -> html("<p>" + q(r) + "</p>"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "HEAD /search?q=" + ATTACK + " HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            assertEquals(200, RawHttp.read(s.getInputStream(), true).status());
        }
    }

    @Test
    void aCorruptGzipBodyIsNotPassedAsJudged() throws Exception {
        start("hybrid", "", r -> new MockResponse().setHeader("Content-Type", "text/html")
                .setHeader("Content-Encoding", "gzip").setBody("this is not gzip at all"));
        assertEquals(403, get("/search?q=" + ATTACK).status());
    }

    @Test
    void harmlessMarkupInputsInHtmlPass() throws Exception {
        start("hybrid", "", r -> html("<p>Welcome, " + q(r) + "!</p><input value=\"" + q(r) + "\">"));
        RawHttp.Response r = get("/search?q=O%27Brien");

        assertEquals(200, r.status());
        assertEquals("<p>Welcome, O'Brien!</p><input value=\"O'Brien\">", r.bodyText());
    }

    /**
     * Requests without markup in their inputs are never held: the upstream sends the head and part
     * of the body, and waits until the client has read them before sending the rest.
     */
    @Test
    void anHtmlResponseToARequestWithoutMarkupStreamsUnheld() throws Exception {
        assertStreamsUnheld("/search?q=shoes", "text/html");
    }

    @Test
    void aJsonResponseToARequestWithMarkupStreamsUnheld() throws Exception {
        assertStreamsUnheld("/search?q=" + ATTACK, "application/json");
    }

    private void assertStreamsUnheld(String target, String type) throws Exception {
        CountDownLatch clientSawStart = new CountDownLatch(1);
        try (RawUpstream raw = new RawUpstream(s -> {
            InputStream in = s.getInputStream();
            while (!RawHttp.line(in).isEmpty()) {
                // the request head; no body
            }
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: 10\r\n\r\nfirst")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(clientSawStart.await(5, TimeUnit.SECONDS), "the client saw the first bytes");
            out.write("-last".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        })) {
            pincer = PincerHarness.start(PincerHarness.yaml("correlator:\n  listen: 127.0.0.1:0\n  token: " + TOKEN
                    + "\n", raw.hostPort()));
            try (Socket s = RawHttp.connect(pincer.port())) {
                s.setSoTimeout(5000);
                RawHttp.send(s, "GET " + target + " HTTP/1.1\r\nHost: shop.test\r\n\r\n");
                InputStream in = s.getInputStream();
                assertTrue(RawHttp.line(in).startsWith("HTTP/1.1 200"));
                while (!RawHttp.line(in).isEmpty()) {
                    // fields
                }
                assertEquals("first", new String(RawHttp.exactly(in, 5), StandardCharsets.US_ASCII));
                clientSawStart.countDown();
                assertEquals("-last", new String(RawHttp.exactly(in, 5), StandardCharsets.US_ASCII));
            }
            assertTrue(raw.failures().isEmpty(), raw.failures().toString());
        }
    }

    private static MockResponse gzipHtml(String page) {
        return new MockResponse().setHeader("Content-Type", "text/html").setHeader("Content-Encoding", "gzip")
                .setBody(new Buffer().write(gzip(page)));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static String awaitEvent(EventCapture events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.lines().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(!events.lines().isEmpty(), "a security event was logged");
        assertNull(events.lines().size() > 1 ? events.lines() : null, "exactly one event");
        return events.lines().get(0);
    }
}
