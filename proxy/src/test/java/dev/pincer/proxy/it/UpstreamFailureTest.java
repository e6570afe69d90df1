package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * What the client sees when the upstream misbehaves: refused connections (502), slowness (504),
 * dead servers in a group (failover and passive-health ejection), truncated responses (the client
 * connection is closed, never left hanging), and stale pooled connections (a body-less request is
 * replayed on a fresh connection, RFC 9112 §9.3.1).
 */
class UpstreamFailureTest {

    @Test
    void upstreamDownGets502AndCountsAConnectError() throws Exception {
        String dead = "127.0.0.1:" + freePort();
        try (PincerHarness p = PincerHarness.start(Configs.yaml("", "", dead));
             Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(502, r.status());
            assertTrue(r.bodyText().startsWith("502 "), r.bodyText());
            assertEquals(1, upstreamErrors(p, "connect"));
        }
    }

    @Test
    void slowUpstreamGets504AfterResponseTimeout() throws Exception {
        try (MockWebServer slow = new MockWebServer()) {
            slow.enqueue(new MockResponse().setBody("late").setHeadersDelay(3, TimeUnit.SECONDS));
            slow.start();
            try (PincerHarness p = PincerHarness.start(Configs.yaml("response_timeout: 500ms", "",
                    "127.0.0.1:" + slow.getPort()));
                 Socket s = RawHttp.connect(p.port())) {
                long start = System.nanoTime();
                RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
                RawHttp.Response r = RawHttp.read(s.getInputStream());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(504, r.status());
                assertTrue(millis >= 400 && millis < 2500, "504 after " + millis + " ms");
                assertEquals(1, upstreamErrors(p, "timeout"));
            }
        }
    }

    @Test
    void deadServerIsSkippedAndThenEjected() throws Exception {
        try (MockWebServer alive = new MockWebServer()) {
            for (int i = 0; i < 10; i++) {
                alive.enqueue(new MockResponse().setBody("alive"));
            }
            alive.start();
            String dead = "127.0.0.1:" + freePort();
            try (PincerHarness p = PincerHarness.start(Configs.yaml("health: { failures: 1, eject_time: 30s }", "",
                    dead, "127.0.0.1:" + alive.getPort()))) {
                for (int i = 0; i < 10; i++) {
                    try (Socket s = RawHttp.connect(p.port())) {
                        RawHttp.send(s, "GET /" + i + " HTTP/1.1\r\nHost: a\r\n\r\n");
                        RawHttp.Response r = RawHttp.read(s.getInputStream());
                        assertEquals(200, r.status(), "request " + i);
                        assertEquals("alive", r.bodyText());
                    }
                }
                assertEquals(1, upstreamErrors(p, "connect"), "the ejected server was tried again");
                assertEquals(10, alive.getRequestCount());
            }
        }
    }

    @Test
    void upstreamClosingMidResponseClosesTheClientConnection() throws Exception {
        try (RawUpstream raw = new RawUpstream(s -> {
                    ForwardingTest.readHead(s.getInputStream());
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                });
             PincerHarness p = PincerHarness.start(Configs.yaml("", "", raw.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            s.setSoTimeout(3000);
            InputStream in = s.getInputStream();
            RawHttp.Response head = RawHttp.read(in, true);
            assertEquals(200, head.status());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                in.transferTo(body); // until the proxy closes
            } catch (SocketTimeoutException e) {
                throw new AssertionError("client connection left hanging after a truncated response", e);
            } catch (IOException reset) {
                // closed abruptly: fine
            }
            assertTrue(body.size() < 100, "got " + body.size() + " body bytes");
            assertEquals(1, upstreamErrors(p, "reset"));
        }
    }

    /**
     * The upstream closes an idle keep-alive connection shortly after answering (as servers with a
     * short keep-alive timeout do). The next request must still succeed.
     */
    @Test
    void upstreamClosingIdleConnectionsDoesNotFailTheNextRequest() throws Exception {
        try (RawUpstream raw = new RawUpstream(s -> {
                    if (ForwardingTest.readHead(s.getInputStream())) {
                        answer(s, "ok");
                        Thread.sleep(100);
                    }
                });
             PincerHarness p = PincerHarness.start(Configs.yaml("", "", raw.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            for (int i = 0; i < 3; i++) {
                RawHttp.send(s, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
                RawHttp.Response r = RawHttp.read(s.getInputStream());
                assertEquals(200, r.status(), "request " + i);
                Thread.sleep(300); // time-based on purpose: let the upstream close the idle connection
            }
            assertEquals(0, upstreamErrors(p, "reset"));
        }
    }

    /**
     * The race the retry exists for: a pooled connection is reused just as the upstream decides to
     * close it, so the request is written and the connection closes without an answer. A GET
     * without body is replayed on a new connection, transparently to the client.
     */
    @Test
    void bodylessRequestOnStalePooledConnectionIsRetried() throws Exception {
        try (RawUpstream raw = staleAfterOneAnswer();
             PincerHarness p = PincerHarness.start(Configs.yaml("", "", raw.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
            RawHttp.send(s, "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(200, r.status(), r.statusLine());
            assertEquals("ok", r.bodyText());
            assertEquals(2, raw.connections(), "the retry did not use a new connection");
            assertEquals(0, upstreamErrors(p, "reset"));
        }
    }

    /** A request with a body may have been acted on: it is not replayed (RFC 9110 §9.2.2), the client gets 502. */
    @Test
    void requestWithBodyOnStalePooledConnectionIsNotRetried() throws Exception {
        try (RawUpstream raw = staleAfterOneAnswer();
             PincerHarness p = PincerHarness.start(Configs.yaml("", "", raw.hostPort()));
             Socket s = RawHttp.connect(p.port())) {
            RawHttp.send(s, "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
            RawHttp.send(s, "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(502, r.status(), r.statusLine());
            assertEquals(1, raw.connections());
            assertEquals(1, upstreamErrors(p, "reset"));
        }
    }

    /** Each connection answers its first request with keep-alive, then closes on reading the next one. */
    private static RawUpstream staleAfterOneAnswer() throws IOException {
        return new RawUpstream(s -> {
            InputStream in = s.getInputStream();
            if (ForwardingTest.readHead(in)) {
                answer(s, "ok");
                ForwardingTest.readHead(in);
            }
        });
    }

    private static void answer(Socket s, String body) throws IOException {
        s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static double upstreamErrors(PincerHarness p, String kind) {
        return p.metric("pincer_upstream_errors_total", new String[] {"upstream", "kind"}, new String[] {"app", kind});
    }

}
