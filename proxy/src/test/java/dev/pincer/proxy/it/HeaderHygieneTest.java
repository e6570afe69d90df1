package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.proxy.testing.PincerHarness;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Header hygiene through a whole proxy: underscore names per listener policy, Forwarded and
 * X-Real-IP written by Pincer, fields named by Connection gone before the app sees the request.
 */
class HeaderHygieneTest {
    private MockWebServer upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
    }

    @AfterEach
    void stop() throws Exception {
        upstream.shutdown();
    }

    private String server() {
        return upstream.getHostName() + ":" + upstream.getPort();
    }

    /** Many app servers read Content_Length as Content-Length: dropped by default, and counted. */
    @Test
    void underscoreNamesAreDroppedByDefaultAndCounted() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok"));
        try (PincerHarness p = PincerHarness.start(PincerHarness.yaml("", server()))) {
            String r = p.raw("GET / HTTP/1.1\r\nHost: a\r\nX_Forwarded_For: 127.0.0.1\r\nContent_Length: 40\r\n"
                    + "X-Ok: 1\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));
            assertEquals(200, PincerHarness.status(r));
            RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
            assertNull(req.getHeader("X_Forwarded_For"));
            assertNull(req.getHeader("Content_Length"));
            assertEquals("1", req.getHeader("X-Ok"));
            assertEquals(2, p.metric("pincer_dropped_headers_total", new String[] {"reason"},
                    new String[] {"underscore"}));
        }
    }

    @Test
    void underscoreNamesCanBeRejectedOrAllowedPerListener() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok"));
        String yaml = PincerHarness.yaml("", server()).replace("listen: 127.0.0.1:0\n",
                "listeners:\n  - { address: 127.0.0.1:0, underscore_headers: reject }\n");
        try (PincerHarness p = PincerHarness.start(yaml)) {
            String r = p.raw("GET / HTTP/1.1\r\nHost: a\r\nX_A: 1\r\n\r\n", Duration.ofSeconds(5));
            assertEquals(400, PincerHarness.status(r));
            assertEquals(1, p.metric("pincer_rejected_requests_total", new String[] {"reason"},
                    new String[] {"underscore_header"}));
            assertEquals(0, upstream.getRequestCount());
        }
        String allow = PincerHarness.yaml("", server()).replace("listen: 127.0.0.1:0\n",
                "listeners:\n  - { address: 127.0.0.1:0, underscore_headers: allow }\n");
        try (PincerHarness p = PincerHarness.start(allow)) {
            String r = p.raw("GET / HTTP/1.1\r\nHost: a\r\nX_A: 1\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));
            assertEquals(200, PincerHarness.status(r));
            assertEquals("1", upstream.takeRequest(5, TimeUnit.SECONDS).getHeader("X_A"));
        }
    }

    /** The client's own Forwarded and X-Real-IP are not believed from an untrusted peer. */
    @Test
    void forwardedAndRealIpAreOursFromAnUntrustedPeer() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok"));
        try (PincerHarness p = PincerHarness.start(PincerHarness.yaml("", server()))) {
            String r = p.raw("GET / HTTP/1.1\r\nHost: app.example\r\nForwarded: for=10.1.1.1\r\n"
                    + "X-Real-IP: 10.1.1.1\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));
            assertEquals(200, PincerHarness.status(r));
            RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("for=127.0.0.1;host=\"app.example\";proto=http", req.getHeader("Forwarded"));
            assertEquals("127.0.0.1", req.getHeader("X-Real-IP"));
        }
    }

    @Test
    void forwardedAndRealIpFromATrustedPeerAreKept() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok"));
        try (PincerHarness p = PincerHarness.start(PincerHarness.yaml("trusted_proxies: [127.0.0.1]\n", server()))) {
            String r = p.raw("GET / HTTP/1.1\r\nHost: app.example\r\nForwarded: for=198.51.100.7\r\n"
                    + "X-Forwarded-For: 198.51.100.7\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));
            assertEquals(200, PincerHarness.status(r));
            RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("for=198.51.100.7, for=127.0.0.1;host=\"app.example\";proto=http", req.getHeader("Forwarded"));
            assertEquals("198.51.100.7", req.getHeader("X-Real-IP"));
        }
    }

    /** Connection: Content-Length once dropped the framing and forwarded the body (smuggling). */
    @Test
    void connectionNamingContentLengthNeverReachesTheApp() throws Exception {
        try (PincerHarness p = PincerHarness.start(PincerHarness.yaml("", server()))) {
            String r = p.raw("POST / HTTP/1.1\r\nHost: a\r\nConnection: Content-Length\r\nContent-Length: 32\r\n\r\n"
                    + "GET /admin HTTP/1.1\r\nHost: b\r\n\r\n", Duration.ofSeconds(5));
            assertEquals(400, PincerHarness.status(r));
            assertEquals(0, upstream.getRequestCount());
            assertEquals(1, p.metric("pincer_rejected_requests_total", new String[] {"reason"},
                    new String[] {"bad_connection_header"}));
        }
    }
}
