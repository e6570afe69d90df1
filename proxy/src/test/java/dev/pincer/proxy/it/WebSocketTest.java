package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import io.prometheus.client.Collector;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebSocket through the proxy (RFC 6455 over an RFC 9110 §7.8 upgrade): the 101 is forwarded, the
 * connection becomes a byte tunnel, and the close handshake closes both sides.
 */
class WebSocketTest {
    private MockWebServer upstream;
    private PincerHarness pincer;
    private final CountDownLatch upstreamClosed = new CountDownLatch(1);

    /** Echoes text messages and answers the close handshake. */
    private final WebSocketListener echo = new WebSocketListener() {
        @Override
        public void onMessage(okhttp3.WebSocket ws, String text) {
            ws.send("echo: " + text);
        }

        @Override
        public void onClosing(okhttp3.WebSocket ws, int code, String reason) {
            ws.close(code, reason);
        }

        @Override
        public void onClosed(okhttp3.WebSocket ws, int code, String reason) {
            upstreamClosed.countDown();
        }

        @Override
        public void onFailure(okhttp3.WebSocket ws, Throwable t, Response response) {
            upstreamClosed.countDown();
        }
    };

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.enqueue(new MockResponse().withWebSocketUpgrade(echo));
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.yaml("", "127.0.0.1:" + upstream.getPort()));
    }

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    @Test
    void switchingProtocolsIsForwarded() throws Exception {
        try (Socket s = RawHttp.connect(pincer.port())) {
            RawHttp.send(s, "GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream(), true);
            assertEquals(101, r.status(), r.statusLine());
            assertEquals("websocket", r.header("upgrade").toLowerCase());
            assertEquals("upgrade", r.header("connection").toLowerCase());
            assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", r.header("sec-websocket-accept"));
        }
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("websocket", req.getHeader("Upgrade").toLowerCase());
        assertEquals("dGhlIHNhbXBsZSBub25jZQ==", req.getHeader("Sec-WebSocket-Key"));
    }

    @Test
    void textIsEchoedAndTheCloseHandshakeClosesBothSides() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        HttpClient client = HttpClient.newHttpClient();
        WebSocket ws = client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + pincer.port() + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.complete(text.toString());
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                        closed.complete(status);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket w, Throwable error) {
                        received.completeExceptionally(error);
                        closed.completeExceptionally(error);
                    }
                })
                .get(5, TimeUnit.SECONDS);
        ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertEquals("echo: hello", received.get(5, TimeUnit.SECONDS));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertEquals(WebSocket.NORMAL_CLOSURE, closed.get(5, TimeUnit.SECONDS));
        assertTrue(upstreamClosed.await(5, TimeUnit.SECONDS), "the upstream side did not close");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gaugeSum("pincer_active_connections") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, gaugeSum("pincer_active_connections"), "the client connection stayed open");
        assertEquals(0, pincer.metric("pincer_upstream_pool_connections", new String[] {"upstream", "server", "state"},
                new String[] {"app", "127.0.0.1:" + upstream.getPort(), "in_use"}));
    }

    private double gaugeSum(String name) {
        double sum = 0;
        for (Collector.MetricFamilySamples f : Collections.list(pincer.server().metrics().registry().metricFamilySamples())) {
            if (f.name.equals(name)) {
                for (Collector.MetricFamilySamples.Sample s : f.samples) {
                    sum += s.value;
                }
            }
        }
        return sum;
    }
}
