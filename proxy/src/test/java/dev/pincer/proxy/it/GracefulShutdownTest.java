package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * {@code PincerServer.stop}: in-flight requests finish, idle keep-alive connections are closed
 * right away, and the listener stops accepting.
 */
class GracefulShutdownTest {

    @Test
    void inFlightRequestFinishesIdleConnectionClosesNewConnectionsRefused() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.enqueue(new MockResponse().setBody("warm"));
            upstream.enqueue(new MockResponse().setBody("slow but complete").setHeadersDelay(1, TimeUnit.SECONDS));
            upstream.start();
            try (PincerHarness p = PincerHarness.start(PincerHarness.yaml("", "127.0.0.1:" + upstream.getPort()));
                 Socket idle = RawHttp.connect(p.port());
                 Socket busy = RawHttp.connect(p.port())) {
                int port = p.port();
                RawHttp.send(idle, "GET /warm HTTP/1.1\r\nHost: a\r\n\r\n");
                assertEquals("warm", RawHttp.read(idle.getInputStream()).bodyText());
                upstream.takeRequest(5, TimeUnit.SECONDS);

                RawHttp.send(busy, "GET /slow HTTP/1.1\r\nHost: a\r\n\r\n");
                assertNotNull(upstream.takeRequest(5, TimeUnit.SECONDS), "the slow request never reached the upstream");
                CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> p.server().stop(Duration.ofSeconds(5)));

                assertTrue(RawHttp.closedByPeer(idle, 2000), "the idle keep-alive connection was not closed");
                RawHttp.Response r = RawHttp.read(busy.getInputStream());
                assertEquals(200, r.status());
                assertEquals("slow but complete", r.bodyText());
                assertEquals("close", r.header("connection"));
                stopped.get(10, TimeUnit.SECONDS);
                assertTrue(RawHttp.closedByPeer(busy, 2000));
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
            }
        }
    }
}
