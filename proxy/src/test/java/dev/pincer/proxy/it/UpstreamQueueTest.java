package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full server's bounded queue, through a whole proxy: with {@code max_connections_per_server: 1}
 * and {@code queue_size: 1}, a second request waits for the first one's connection and is served;
 * a third (queue size + 1) is answered 503 at once; a waiter past {@code queue_timeout} gets 503.
 */
class UpstreamQueueTest {
    private MockWebServer upstream;
    private CountDownLatch release;
    private CountDownLatch firstArrived;

    @BeforeEach
    void start() throws Exception {
        release = new CountDownLatch(1);
        firstArrived = new CountDownLatch(1);
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().startsWith("/hold")) {
                    firstArrived.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
                return new MockResponse().setBody("ok");
            }
        });
        upstream.start();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        upstream.shutdown();
    }

    private PincerHarness pincer(String timeout) throws Exception {
        return PincerHarness.start(Configs.yaml("max_connections_per_server: 1, queue_size: 1, queue_timeout: "
                + timeout, "", upstream.getHostName() + ":" + upstream.getPort()));
    }

    @Test
    void aWaiterIsServedWhenTheConnectionFreesAndOneMoreThanTheQueueGets503() throws Exception {
        try (PincerHarness p = pincer("10s"); Socket holder = send(p, "/hold")) {
            assertTrue(firstArrived.await(5, TimeUnit.SECONDS), "the first request holds the only connection");
            Socket waiter = send(p, "/second");
            awaitDepth(p, 1);
            try (Socket overflow = send(p, "/third")) {
                String r = PincerHarness.readAll(overflow.getInputStream());
                assertEquals(503, PincerHarness.status(r), r);
            }
            assertEquals(1, queue(p, "full"));
            release.countDown();
            assertEquals(200, PincerHarness.status(PincerHarness.readAll(holder.getInputStream())));
            assertEquals(200, PincerHarness.status(PincerHarness.readAll(waiter.getInputStream())));
            waiter.close();
            assertEquals(1, queue(p, "served"));
            assertEquals(0, p.metric("pincer_upstream_queue_depth", new String[] {"upstream", "server"},
                    new String[] {"app", upstream.getHostName() + ":" + upstream.getPort()}));
        }
    }

    @Test
    void aWaitPastTheQueueTimeoutIs503() throws Exception {
        try (PincerHarness p = pincer("200ms"); Socket holder = send(p, "/hold")) {
            assertTrue(firstArrived.await(5, TimeUnit.SECONDS));
            try (Socket waiter = send(p, "/second")) {
                String r = PincerHarness.readAll(waiter.getInputStream());
                assertEquals(503, PincerHarness.status(r), r);
            }
            assertEquals(1, queue(p, "timeout"));
            release.countDown();
            assertEquals(200, PincerHarness.status(PincerHarness.readAll(holder.getInputStream())));
            assertEquals(1, upstream.getRequestCount(), "the timed-out request never reached the upstream");
        }
    }

    private double queue(PincerHarness p, String outcome) {
        return p.metric("pincer_upstream_queue_total", new String[] {"upstream", "server", "outcome"},
                new String[] {"app", upstream.getHostName() + ":" + upstream.getPort(), outcome});
    }

    private void awaitDepth(PincerHarness p, int depth) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (p.metric("pincer_upstream_queue_depth", new String[] {"upstream", "server"},
                    new String[] {"app", upstream.getHostName() + ":" + upstream.getPort()}) == depth) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("queue depth never reached " + depth);
    }

    private static Socket send(PincerHarness p, String path) throws Exception {
        Socket s = new Socket("127.0.0.1", p.port());
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return s;
    }
}
