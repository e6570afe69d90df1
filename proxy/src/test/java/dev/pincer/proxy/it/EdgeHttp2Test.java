package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.inspection.protection.Protection;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.proxy.it.FakeParticipant.Phase;
import dev.pincer.proxy.testing.PincerHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An HTTP/2 request body a step needs is held like an HTTP/1 one: a block forwards nothing. */
class EdgeHttp2Test {
    private MockWebServer upstream;
    private PincerHarness pincer;
    private SSLContext tls;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.tlsYaml(upstream.getPort(), true, ""));
        tls = Http2Test.trusting(PincerHarness.TLS_CERT);
    }

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpClient c = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + pincer.port() + "/f"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        return r;
    }

    private static Disposition closed(FakeParticipant p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (p.closes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        assertEquals(1, p.closes.size(), p.closes.toString());
        return p.closes.peek();
    }

    @Test
    void anH2BodyBlockForwardsNothing() throws Exception {
        FakeParticipant p = new FakeParticipant("fake", Phase.BODY).needle("evil");
        pincer.server().useProtection(Protection.of(List.of(p), 1024));
        assertEquals(403, post("an evil body").statusCode());
        assertEquals(0, upstream.getRequestCount());
        assertEquals(Disposition.blockedBy("fake", 403), closed(p));
    }

    @Test
    void anH2BodyThatPassesIsForwardedWhole() throws Exception {
        upstream.enqueue(new MockResponse().setBody("ok"));
        FakeParticipant p = new FakeParticipant("fake", Phase.END).needle("evil");
        pincer.server().useProtection(Protection.of(List.of(p), 1024));
        assertEquals(200, post("a good body").statusCode());
        assertEquals("a good body", upstream.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertEquals(List.of("a good body"), List.copyOf(p.bodies));
        assertEquals(Disposition.answered(200), closed(p));
    }
}
