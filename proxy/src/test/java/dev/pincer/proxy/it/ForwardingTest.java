package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a well-formed request and its response look like on the far side of the proxy: forwarding
 * headers, hop-by-hop removal (RFC 9110 §7.6.1), connection reuse and pipelining (RFC 9112 §9.3),
 * response framing per client version, 1xx handling, absolute-form targets, and routing.
 * Clients are raw sockets, so the bytes on the wire are what is asserted.
 */
class ForwardingTest {
    private MockWebServer upstream;
    private PincerHarness pincer;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml("", upstreamAddress()));
    }

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    private String upstreamAddress() {
        return upstream.getHostName() + ":" + upstream.getPort();
    }

    @Test
    void getIsForwardedWithForwardingHeadersAndRequestId() throws Exception {
        upstream.enqueue(new MockResponse().setBody("hello"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /path?q=1 HTTP/1.1\r\nHost: shop.test:8080\r\nX-Request-Id: client-chosen\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status());
            assertEquals("hello", r.bodyText());
            RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("GET /path?q=1 HTTP/1.1", req.getRequestLine());
            assertEquals("shop.test:8080", req.getHeader("Host"));
            assertEquals("127.0.0.1", req.getHeader("X-Forwarded-For"));
            assertEquals("http", req.getHeader("X-Forwarded-Proto"));
            assertEquals("shop.test:8080", req.getHeader("X-Forwarded-Host"));
            String id = req.getHeader("X-Request-Id");
            assertNotNull(id);
            assertFalse(id.equals("client-chosen"), "an untrusted client chose its request id");
            assertEquals(id, r.header("x-request-id"));
        }
    }

    /** Raw UTF-8 in the target (not percent-encoded) reaches the app as the same bytes; Latin-1 does not pass. */
    @Test
    void aRawUtf8TargetIsForwardedAsTheSameBytesAndLatin1IsRejected() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok"));
        String r = pincer.raw("GET /caf\u00c3\u00a9?q=\u00e2\u0091\u00a0 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                Duration.ofSeconds(5));
        assertEquals(200, PincerHarness.status(r));
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("GET /caf\u00e9?q=\u2460 HTTP/1.1", req.getRequestLine()); // MockWebServer reads UTF-8

        String latin1 = pincer.raw("GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));
        assertEquals(400, PincerHarness.status(latin1));
        assertEquals(1, upstream.getRequestCount());
    }

    @Test
    void clientForwardedForIsReplacedWhenThePeerIsNotTrusted() throws Exception {
        upstream.enqueue(new MockResponse());
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 6.6.6.6\r\n"
                    + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.test\r\n\r\n");
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
        }
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("127.0.0.1", req.getHeader("X-Forwarded-For"));
        assertEquals("http", req.getHeader("X-Forwarded-Proto"));
        assertEquals("a", req.getHeader("X-Forwarded-Host"));
    }

    @Test
    void clientForwardedForIsAppendedToWhenThePeerIsTrusted() throws Exception {
        pincer.close();
        pincer = PincerHarness.start(PincerHarness.yaml("trusted_proxies: [127.0.0.1]\n", upstreamAddress()));
        upstream.enqueue(new MockResponse());
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 1.2.3.4\r\nX-Forwarded-Proto: https\r\n"
                    + "X-Request-Id: lb-123\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status());
            assertEquals("lb-123", r.header("x-request-id"));
        }
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("1.2.3.4, 127.0.0.1", req.getHeader("X-Forwarded-For"));
        assertEquals("https", req.getHeader("X-Forwarded-Proto"));
        assertEquals("lb-123", req.getHeader("X-Request-Id"));
    }

    @Test
    void pincerNamespaceHeadersAreStripped() throws Exception {
        upstream.enqueue(new MockResponse());
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\nX-Pincer-Verdict: allow\r\nx-pincer-anything: 1\r\n"
                    + "X-Other: kept\r\n\r\n");
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
        }
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        for (String name : req.getHeaders().names()) {
            assertFalse(name.toLowerCase().startsWith("x-pincer-"), name);
        }
        assertEquals("kept", req.getHeader("X-Other"));
    }

    @Test
    void hopByHopRequestHeadersAreRemovedAndConnectionCloseHonoured() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\nConnection: close, X-Foo\r\nX-Foo: secret\r\n"
                    + "Keep-Alive: timeout=5\r\nTE: trailers\r\nUpgrade: h2c\r\nProxy-Connection: keep-alive\r\n"
                    + "X-Bar: kept\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status());
            assertEquals("close", r.header("connection"));
            assertTrue(RawHttp.closedByPeer(s, 3000), "Connection: close from the client was not honoured");
        }
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        for (String gone : new String[] {"X-Foo", "Keep-Alive", "TE", "Upgrade", "Proxy-Connection"}) {
            assertNull(req.getHeader(gone), gone + " reached the upstream");
        }
        String connection = req.getHeader("Connection");
        assertTrue(connection == null || !connection.toLowerCase().contains("x-foo"), connection);
        assertEquals("kept", req.getHeader("X-Bar"));
    }

    @Test
    void hopByHopResponseHeadersAreRemoved() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok")
                .addHeader("Connection", "X-Internal")
                .addHeader("X-Internal", "secret")
                .addHeader("Keep-Alive", "timeout=5")
                .addHeader("Proxy-Connection", "keep-alive")
                .addHeader("X-Public", "yes"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status());
            assertEquals("ok", r.bodyText());
            for (String gone : new String[] {"x-internal", "keep-alive", "proxy-connection"}) {
                assertFalse(r.headerNames().contains(gone), gone + " reached the client: " + r.headers());
            }
            assertNull(r.header("connection"));
            assertEquals("yes", r.header("x-public"));
        }
    }

    @Test
    void keepAliveConnectionsAreReusedOnBothSides() throws Exception {
        upstream.enqueue(new MockResponse().setBody("one"));
        upstream.enqueue(new MockResponse().setBody("two"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("one", RawHttp.read(s.getInputStream()).bodyText());
            RawHttp.send(s, "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("two", RawHttp.read(s.getInputStream()).bodyText());
        }
        assertEquals(0, upstream.takeRequest(5, TimeUnit.SECONDS).getSequenceNumber());
        RecordedRequest second = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/2", second.getPath());
        assertEquals(1, second.getSequenceNumber(), "the upstream connection was not reused");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        upstream.setDispatcher(echoPath());
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /first HTTP/1.1\r\nHost: a\r\n\r\nPOST /second HTTP/1.1\r\nHost: a\r\n"
                    + "Content-Length: 3\r\n\r\nabcGET /third HTTP/1.1\r\nHost: a\r\n\r\n");
            InputStream in = s.getInputStream();
            assertEquals("/first", RawHttp.read(in).bodyText());
            assertEquals("/second abc", RawHttp.read(in).bodyText());
            assertEquals("/third", RawHttp.read(in).bodyText());
        }
    }

    /**
     * A pipelined request whose head arrives in pieces behind a slow request must not be timed out
     * for the time the proxy itself was not reading (it reads the next request only once the
     * current response is done, RFC 9112 §9.3.2). The decoder sees the head's first bytes in the
     * same read as the first request and fires HEAD_STARTED; HeadTimeoutHandler used to start the
     * header_read_timeout clock then, so a client that sent its whole head within 100 ms got a 408
     * once the slow response was done.
     */
    @Test
    void pipelinedHeadIsNotTimedOutWhileTheProxyIsBusyWithTheRequestBefore() throws Exception {
        pincer.close();
        pincer = PincerHarness.start(PincerHarness.yaml("limits: { header_read_timeout: 500ms }\n", upstreamAddress()));
        upstream.enqueue(new MockResponse().setBody("one").setHeadersDelay(1500, TimeUnit.MILLISECONDS));
        upstream.enqueue(new MockResponse().setBody("two"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n");
            Thread.sleep(100); // time-based on purpose: the second head arrives in two parts
            RawHttp.send(s, "\r\n");
            assertEquals("one", RawHttp.read(s.getInputStream()).bodyText());
            RawHttp.Response second = RawHttp.read(s.getInputStream());
            assertEquals(200, second.status(), second.statusLine());
            assertEquals("two", second.bodyText());
        }
    }

    @Test
    void headResponseHasNoBodyAndTheConnectionStaysUsable() throws Exception {
        upstream.enqueue(new MockResponse().setHeader("Content-Length", "10"));
        upstream.enqueue(new MockResponse().setBody("after"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "HEAD /h HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream(), true);
            assertEquals(200, r.status());
            assertEquals("10", r.header("content-length"));
            RawHttp.send(s, "GET /g HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Response next = RawHttp.read(s.getInputStream());
            assertEquals(200, next.status(), "a HEAD body leaked into the next response: " + next.statusLine());
            assertEquals("after", next.bodyText());
        }
    }

    @Test
    void noContentAndNotModifiedHaveNoBodyAndKeepTheConnection() throws Exception {
        upstream.enqueue(new MockResponse().setResponseCode(204));
        upstream.enqueue(new MockResponse().setResponseCode(304).setHeader("ETag", "\"v1\""));
        upstream.enqueue(new MockResponse().setBody("last"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "DELETE /x HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Response r204 = RawHttp.read(s.getInputStream());
            assertEquals(204, r204.status());
            assertNull(r204.header("transfer-encoding"));
            RawHttp.send(s, "GET /x HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"v1\"\r\n\r\n");
            RawHttp.Response r304 = RawHttp.read(s.getInputStream());
            assertEquals(304, r304.status());
            assertEquals("\"v1\"", r304.header("etag"));
            assertNull(r304.header("transfer-encoding"));
            RawHttp.send(s, "GET /y HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Response last = RawHttp.read(s.getInputStream());
            assertEquals(200, last.status(), last.statusLine());
            assertEquals("last", last.bodyText());
        }
    }

    @Test
    void chunkedUpstreamResponseReachesHttp11AndHttp10Clients() throws Exception {
        upstream.enqueue(new MockResponse().setChunkedBody("hello chunked world", 4));
        upstream.enqueue(new MockResponse().setChunkedBody("hello chunked world", 4));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertTrue(r.chunked());
            assertEquals("hello chunked world", r.bodyText());
            assertFalse(RawHttp.closedByPeer(s, 200));
        }
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET / HTTP/1.0\r\nHost: a\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream()); // no length: reads to EOF
            assertNull(r.header("transfer-encoding"), "chunked sent to an HTTP/1.0 client");
            assertEquals("hello chunked world", r.bodyText());
        }
    }

    @Test
    void closeDelimitedUpstreamResponseIsRechunkedForHttp11AndCloseDelimitedForHttp10() throws Exception {
        try (RawUpstream raw = new RawUpstream(s -> {
                    readHead(s.getInputStream());
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nbody until close"
                            .getBytes());
                    s.getOutputStream().flush();
                    s.shutdownOutput();
                });
             PincerHarness p = PincerHarness.start(PincerHarness.yaml("", raw.hostPort()))) {
            try (Socket s = RawHttp.connect(p.port())) {
                RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
                RawHttp.Response r = RawHttp.read(s.getInputStream());
                assertTrue(r.chunked(), "not re-chunked: " + r.headers());
                assertEquals("body until close", r.bodyText());
            }
            try (Socket s = RawHttp.connect(p.port())) {
                RawHttp.send(s, "GET / HTTP/1.0\r\nHost: a\r\n\r\n");
                RawHttp.Response r = RawHttp.read(s.getInputStream());
                assertNull(r.header("transfer-encoding"));
                assertEquals("close", r.header("connection"));
                assertEquals("body until close", r.bodyText());
            }
        }
    }

    @Test
    void responseTrailersAreForwarded() throws Exception {
        try (RawUpstream raw = new RawUpstream(s -> {
                    readHead(s.getInputStream());
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n"
                            + "\r\n5\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc123\r\n\r\n").getBytes());
                    s.getOutputStream().flush();
                    readHead(s.getInputStream()); // keep the connection until the proxy closes it
                });
             PincerHarness p = PincerHarness.start(PincerHarness.yaml("", raw.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\nTE: trailers\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals("hello world", r.bodyText());
            assertEquals("abc123", r.trailer("x-checksum"), "trailers: " + r.trailers().size());
        }
    }

    @Test
    void expectContinueGets100ThenTheFinalResponse() throws Exception {
        upstream.enqueue(new MockResponse().setBody("stored"));
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "PUT /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            RawHttp.Response interim = RawHttp.read(s.getInputStream());
            assertEquals(100, interim.status());
            RawHttp.send(s, "hello");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status());
            assertEquals("stored", r.bodyText());
        }
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("hello", req.getBody().readUtf8());
        assertNull(req.getHeader("Expect"));
    }

    @Test
    void absoluteFormTargetIsSentAsOriginFormWithItsAuthorityAsHost() throws Exception {
        upstream.enqueue(new MockResponse());
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET http://example.com/x?y=1 HTTP/1.1\r\nHost: ignored.test\r\n\r\n");
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
        }
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("GET /x?y=1 HTTP/1.1", req.getRequestLine());
        assertEquals("example.com", req.getHeader("Host"));
    }

    @Test
    void routesByHostAndPathPrefixAndAnswers404WithoutARoute() throws Exception {
        try (MockWebServer a = new MockWebServer(); MockWebServer b = new MockWebServer()) {
            a.setDispatcher(named("A"));
            b.setDispatcher(named("B"));
            a.start();
            b.start();
            String yaml = "listen: 127.0.0.1:0\n"
                    + "access_log: false\n"
                    + "upstreams:\n"
                    + "  a: { servers: [127.0.0.1:" + a.getPort() + "] }\n"
                    + "  b: { servers: [127.0.0.1:" + b.getPort() + "] }\n"
                    + "routes:\n"
                    + "  - match: { host: a.test, path_prefix: / }\n"
                    + "    upstream: a\n"
                    + "  - match: { path_prefix: /api }\n"
                    + "    upstream: b\n";
            try (PincerHarness p = PincerHarness.start(yaml)) {
                assertEquals("A /api/x", get(p, "a.test", "/api/x"));
                assertEquals("A /", get(p, "A.TEST:8080", "/"));
                assertEquals("B /api/x", get(p, "b.test", "/api/x"));
                assertEquals("B /api", get(p, "b.test", "/api"));
                try (Socket s = RawHttp.connect(p.port())) {
                    RawHttp.send(s, "GET /other HTTP/1.1\r\nHost: b.test\r\n\r\n");
                    RawHttp.Response r = RawHttp.read(s.getInputStream());
                    assertEquals(404, r.status());
                    assertTrue(r.bodyText().contains("no route"), r.bodyText());
                }
            }
        }
    }

    private static String get(PincerHarness p, String host, String path) throws IOException {
        try (Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status(), r.statusLine());
            return r.bodyText();
        }
    }

    private static Dispatcher named(String name) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setBody(name + " " + request.getPath());
            }
        };
    }

    private static Dispatcher echoPath() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().clone().readUtf8();
                return new MockResponse().setBody(request.getPath() + (body.isEmpty() ? "" : " " + body));
            }
        };
    }

    /** Reads a request head (through its empty line); returns false on EOF. */
    static boolean readHead(InputStream in) throws IOException {
        int state = 0;
        int c;
        while ((c = in.read()) >= 0) {
            state = switch (state) {
                case 0, 2 -> c == '\r' ? state + 1 : 0;
                case 1 -> c == '\n' ? 2 : (c == '\r' ? 1 : 0);
                case 3 -> c == '\n' ? 4 : (c == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                return true;
            }
        }
        return false;
    }
}
