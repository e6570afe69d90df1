package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reflected-XSS check on HTTP/2 streams: the response path is the same exchange, so an HTML
 * reflection is a 403 on its stream and an escaped one passes whole.
 */
class XssHttp2Test {
    private MockWebServer upstream;
    private PincerHarness pincer;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String q = String.valueOf(request.getRequestUrl().queryParameter("q"));
                boolean safe = request.getPath().startsWith("/safe");
                String shown = safe ? q.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") : q;
                return new MockResponse().setHeader("Content-Type", "text/html").setChunkedBody(
                        "<p>Hello " + shown + "</p>" + "<i>filler</i>".repeat(500), 300);
            }
        });
        upstream.start();
        pincer = PincerHarness.start(PincerHarness.tlsYaml(upstream.getPort(), true,
                "correlator:\n  listen: 127.0.0.1:0\n  token: xss-http2-test-token-0123456789\n"));
        client = HttpClient.newBuilder().sslContext(Http2Test.trusting(PincerHarness.TLS_CERT)).version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() throws IOException {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + pincer.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReflectionOnAnHttp2StreamIsBlocked() throws Exception {
        HttpResponse<String> r = get("/vuln?q=%3Csvg%2Fonload%3Dalert(1)%3E");

        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(403, r.statusCode());
        assertFalse(r.body().contains("<svg"), r.body());
        assertTrue(r.body().contains(r.headers().firstValue("x-request-id").orElseThrow()), r.body());
    }

    @Test
    void anEscapedReflectionOnAnHttp2StreamPassesWhole() throws Exception {
        HttpResponse<String> r = get("/safe?q=%3Csvg%2Fonload%3Dalert(1)%3E");

        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(200, r.statusCode());
        assertEquals("<p>Hello &lt;svg/onload=alert(1)&gt;</p>" + "<i>filler</i>".repeat(500), r.body());
    }
}
