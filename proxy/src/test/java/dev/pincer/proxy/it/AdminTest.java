package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin listener: health, readiness, Prometheus metrics, and nothing else. */
class AdminTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MockWebServer upstream;
    private PincerHarness pincer;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
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

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(pincer.adminUri(path)).timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndReadiness() throws Exception {
        HttpResponse<String> health = admin("GET", "/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.body().trim());
        assertEquals(200, admin("GET", "/readyz").statusCode());
    }

    @Test
    void metricsAfterAProxiedRequest() throws Exception {
        upstream.enqueue(new MockResponse().setBody("hi"));
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(pincer.uri("/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, proxied.statusCode());
        HttpResponse<String> m = admin("GET", "/metrics");
        assertEquals(200, m.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", m.headers().firstValue("content-type").orElse(""));
        for (String name : new String[] {"pincer_requests_total", "pincer_request_duration_seconds",
            "pincer_upstream_duration_seconds", "pincer_active_connections", "pincer_upstream_pool_connections",
            "pincer_rejected_requests_total", "pincer_config_reloads_total", "pincer_client_received_bytes_total",
            "pincer_client_sent_bytes_total"}) {
            assertTrue(m.body().contains("# TYPE " + name + " "), name + " missing from /metrics");
        }
        for (String sampled : new String[] {"pincer_request_duration_seconds_count", "pincer_upstream_duration_seconds_count",
            "pincer_active_connections{", "pincer_upstream_pool_connections{", "pincer_config_reloads_total{",
            "pincer_client_received_bytes_total ", "pincer_client_sent_bytes_total "}) {
            assertTrue(m.body().contains("\n" + sampled), "no sample " + sampled);
        }
        assertTrue(m.body().contains("pincer_requests_total{route=\"*/\",method=\"GET\",status=\"2xx\",} 1.0"),
                m.body());
    }

    @Test
    void unknownPathIs404AndPostIs405() throws Exception {
        assertEquals(404, admin("GET", "/nope").statusCode());
        assertEquals(405, admin("POST", "/metrics").statusCode());
    }
}
