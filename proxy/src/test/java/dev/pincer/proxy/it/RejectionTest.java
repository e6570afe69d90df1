package dev.pincer.proxy.it;

import dev.pincer.proxy.testing.Escapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that must never reach an upstream, sent raw to a whole running proxy. The vectors are
 * in {@code it/rejections.txt}; each must get its status with a short plain-text body and
 * {@code connection: close}, the connection closed by the proxy, its reason counted in
 * {@code pincer_rejected_requests_total}, and nothing at the upstream.
 */
class RejectionTest {
    static final String LIMITS =
            "limits: { max_body_bytes: 1k, max_uri_length: 1k, max_header_bytes: 2k, max_headers: 20 }\n";

    private static MockWebServer upstream;
    private static PincerHarness pincer;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml(LIMITS, upstream.getHostName() + ":" + upstream.getPort()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    record Case(String name, byte[] request, int status, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String name = null;
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        try (InputStream in = RejectionTest.class.getResourceAsStream("/it/rejections.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("case: ")) {
                    name = line.substring(6).trim();
                    request.reset();
                } else if (line.startsWith("< ")) {
                    request.writeBytes(Escapes.unescape(line.substring(2)));
                } else if (line.startsWith("> ")) {
                    String[] expected = line.substring(2).trim().split(" ");
                    cases.add(new Case(name, request.toByteArray(), Integer.parseInt(expected[0]), expected[1]));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    throw new IllegalArgumentException("bad line in rejections.txt: " + line);
                }
            }
        }
        return cases;
    }



    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejected(Case c) throws Exception {
        double before = rejected(c.reason);
        try (Socket s = RawHttp.connect(pincer.port())) {
            s.getOutputStream().write(c.request);
            s.getOutputStream().flush();
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(c.status, r.status(), r.statusLine());
            assertEquals("close", r.header("connection"));
            assertTrue(r.header("content-type").startsWith("text/plain"), r.header("content-type"));
            String body = r.bodyText();
            assertTrue(body.startsWith(c.status + " ") && body.length() < 200, body);
            assertTrue(RawHttp.closedByPeer(s, 3000), "proxy kept the connection open");
        }
        assertEquals(before + 1, rejected(c.reason), "pincer_rejected_requests_total{reason=" + c.reason + "}");
        assertEquals(0, upstream.getRequestCount(), "the upstream received a request");
    }

    /**
     * A chunked body that turns invalid after a valid head: the head and the valid chunk may
     * already be upstream (the body streams), but the upstream must never receive the last chunk
     * that would make the request complete, and its connection must be closed so it cannot act
     * on a truncated request. A raw upstream is used because it can show the exact bytes.
     */
    @Test
    void badChunkAfterValidHeadNeverCompletesTheRequestUpstream() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try (RawUpstream raw = new RawUpstream(s -> {
                    InputStream in = s.getInputStream();
                    byte[] b = new byte[4096];
                    int n;
                    while ((n = in.read(b)) > 0) {
                        synchronized (seen) {
                            seen.write(b, 0, n);
                        }
                    }
                    received.add(seen.toString(StandardCharsets.ISO_8859_1)); // EOF: the proxy closed it
                });
             // upload detection off: a raw body with no type would be held for it, and this is about streaming
             PincerHarness p = PincerHarness.start(PincerHarness.yaml(LIMITS
                     + "protection:\n  uploads: { enabled: false }\n", raw.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            OutputStream out = s.getOutputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!text(seen).contains("hello") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(text(seen).contains("hello"), "the valid part streams upstream: " + text(seen));
            out.write("zz\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(400, r.status());
            assertEquals("close", r.header("connection"));
            assertTrue(RawHttp.closedByPeer(s, 3000));
            String upstreamSaw = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(upstreamSaw, "the proxy did not close the upstream connection");
            assertTrue(upstreamSaw.startsWith("POST /upload HTTP/1.1\r\n"), upstreamSaw);
            assertFalse(upstreamSaw.contains("0\r\n\r\n"), "the upstream got a complete chunked body: " + upstreamSaw);
            assertFalse(upstreamSaw.contains("zz"), upstreamSaw);
            assertEquals(1, p.metric("pincer_rejected_requests_total", new String[] {"reason"},
                    new String[] {"bad_chunk"}));
        }
    }

    /** Slowloris: half a head then silence gets 408 after header_read_timeout, and the connection closes. */
    @Test
    void stalledHeadGets408() throws Exception {
        try (PincerHarness p = PincerHarness.start(PincerHarness.yaml("limits: { header_read_timeout: 500ms }\n",
                upstream.getHostName() + ":" + upstream.getPort()));
             Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\nX-Slow: ");
            long start = System.nanoTime();
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(408, r.status(), r.statusLine());
            assertEquals("close", r.header("connection"));
            assertTrue(millis >= 300 && millis < 4000, "408 after " + millis + " ms");
            assertTrue(RawHttp.closedByPeer(s, 3000));
            assertEquals(1, p.metric("pincer_rejected_requests_total", new String[] {"reason"},
                    new String[] {"header_timeout"}));
        }
        assertEquals(0, upstream.getRequestCount());
    }

    private static String text(ByteArrayOutputStream b) {
        synchronized (b) {
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static double rejected(String reason) {
        return pincer.metric("pincer_rejected_requests_total", new String[] {"reason"}, new String[] {reason});
    }
}
