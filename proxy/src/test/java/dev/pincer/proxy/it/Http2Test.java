package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import io.prometheus.client.Collector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A TLS listener with HTTP/2 on (the default with TLS): h2 clients are proxied to an HTTP/1.1
 * upstream stream by stream (RFC 9113 §8.3 to RFC 9112), several streams at once on one
 * connection, and HTTP/1.1 clients still work on the same port through ALPN.
 */
class Http2Test {
    private static final int STREAMS = 8;

    private MockWebServer upstream;
    private PincerHarness pincer;
    private SSLContext tls;
    private CountDownLatch allArrived;

    @BeforeEach
    void start() throws Exception {
        allArrived = new CountDownLatch(STREAMS);
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String body = request.getBody().clone().readUtf8();
                if (request.getPath().startsWith("/concurrent/")) {
                    allArrived.countDown();
                    allArrived.await(5, TimeUnit.SECONDS); // answer only once every stream is in flight
                }
                return new MockResponse().setBody(request.getMethod() + " " + request.getPath()
                        + (body.isEmpty() ? "" : " " + body));
            }
        });
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.tlsYaml(upstream.getPort(), true, ""));
        tls = trusting(PincerHarness.TLS_CERT);
    }

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    private HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(tls).version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + pincer.port() + path);
    }

    @Test
    void h2GetIsProxiedToHttp11Upstream() throws Exception {
        HttpResponse<String> r = client(HttpClient.Version.HTTP_2).send(
                HttpRequest.newBuilder(uri("/h2?x=1")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(200, r.statusCode());
        assertEquals("GET /h2?x=1", r.body());
        assertTrue(r.headers().firstValue("x-request-id").isPresent());
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("GET /h2?x=1 HTTP/1.1", req.getRequestLine());
        assertEquals("https", req.getHeader("X-Forwarded-Proto"));
        assertEquals("127.0.0.1:" + pincer.port(), req.getHeader("Host"));
        assertEquals(r.headers().firstValue("x-request-id").get(), req.getHeader("X-Request-Id"));
    }

    @Test
    void h2PostBodyReachesTheUpstream() throws Exception {
        HttpResponse<String> r = client(HttpClient.Version.HTTP_2).send(
                HttpRequest.newBuilder(uri("/form")).timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString("a=1&b=2")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(200, r.statusCode());
        assertEquals("POST /form a=1&b=2", r.body());
        RecordedRequest req = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("a=1&b=2", req.getBody().readUtf8(), req.getRequestLine());
    }

    /** The body limit holds on h2 too, whether the length is declared up front or only streamed. */
    @Test
    void h2BodyOverTheLimitGets413() throws Exception {
        pincer.close();
        pincer = PincerHarness.start(PincerHarness.tlsYaml(upstream.getPort(), false, "limits: { max_body_bytes: 1k }\n"));
        HttpClient c = client(HttpClient.Version.HTTP_2);
        byte[] big = new byte[4096];
        HttpResponse<String> declared = c.send(HttpRequest.newBuilder(uri("/declared")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, declared.statusCode());
        HttpResponse<String> streamed = c.send(HttpRequest.newBuilder(uri("/streamed")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, streamed.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, streamed.version());
        assertEquals(2, pincer.metric("pincer_rejected_requests_total", new String[] {"reason"},
                new String[] {"body_too_large"}));
        RecordedRequest seen = upstream.takeRequest(200, TimeUnit.MILLISECONDS);
        assertTrue(seen == null || seen.getBodySize() < big.length, "a complete over-limit body reached the upstream");
    }

    @Test
    void concurrentStreamsShareOneConnection() throws Exception {
        HttpClient c = client(HttpClient.Version.HTTP_2);
        // one request first, so the h2 connection exists before the burst and all streams share it
        assertEquals(HttpClient.Version.HTTP_2, c.send(HttpRequest.newBuilder(uri("/warm")).build(),
                HttpResponse.BodyHandlers.discarding()).version());
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            all.add(c.sendAsync(HttpRequest.newBuilder(uri("/concurrent/" + i)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> bodies = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> f : all) {
            HttpResponse<String> r = f.get(15, TimeUnit.SECONDS);
            assertEquals(HttpClient.Version.HTTP_2, r.version());
            assertEquals(200, r.statusCode());
            bodies.add(r.body());
        }
        assertEquals(STREAMS, bodies.size());
        assertEquals(0, allArrived.getCount(), "the streams were not in flight at the same time");
        assertEquals(1.0, activeClientConnections(), "more than one client connection was used");
    }

    @Test
    void http11ClientWorksOnTheSameTlsListener() throws Exception {
        HttpResponse<String> r = client(HttpClient.Version.HTTP_1_1).send(
                HttpRequest.newBuilder(uri("/one")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_1_1, r.version());
        assertEquals(200, r.statusCode());
        assertEquals("GET /one", r.body());
        assertEquals("https", upstream.takeRequest(5, TimeUnit.SECONDS).getHeader("X-Forwarded-Proto"));
    }

    private double activeClientConnections() {
        double sum = 0;
        for (Collector.MetricFamilySamples f : java.util.Collections.list(
                pincer.server().metrics().registry().metricFamilySamples())) {
            if (f.name.equals("pincer_active_connections")) {
                for (Collector.MetricFamilySamples.Sample s : f.samples) {
                    sum += s.value;
                }
            }
        }
        return sum;
    }

    static SSLContext trusting(Path certPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(certPem)) {
            ks.setCertificateEntry("pincer-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
