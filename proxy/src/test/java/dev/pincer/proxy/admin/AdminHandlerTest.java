package dev.pincer.proxy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AdminHandler}: /healthz, /readyz, /metrics, fed aggregated requests directly. */
class AdminHandlerTest {
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private CollectorRegistry registry;
    private EmbeddedChannel ch;

    @BeforeEach
    void setUp() {
        registry = new CollectorRegistry(true);
        Counter.build("pincer_test_things_total", "Things.").labelNames("kind").register(registry)
                .labels("x").inc(3);
        ch = new EmbeddedChannel(new AdminHandler(registry, ready::get));
    }

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
    }

    @Test
    void healthz() {
        Answer a = get(HttpMethod.GET, "/healthz");
        assertEquals(200, a.status);
        assertEquals("ok\n", a.body);
        assertEquals("3", a.contentLength);
        assertEquals("text/plain; charset=utf-8", a.contentType);
    }

    @Test
    void readyzFollowsTheSupplier() {
        assertEquals(200, get(HttpMethod.GET, "/readyz").status);
        ready.set(false);
        Answer a = get(HttpMethod.GET, "/readyz");
        assertEquals(503, a.status);
        assertEquals("not ready\n", a.body);
        ready.set(true);
        assertEquals(200, get(HttpMethod.GET, "/readyz").status);
    }

    @Test
    void metricsInPrometheusTextFormat() {
        Answer a = get(HttpMethod.GET, "/metrics");
        assertEquals(200, a.status);
        assertTrue(a.contentType.startsWith("text/plain; version=0.0.4"), a.contentType);
        assertTrue(a.body.contains("# TYPE pincer_test_things_total counter"), a.body);
        assertTrue(a.body.contains("pincer_test_things_total{kind=\"x\",} 3.0"), a.body);
        assertEquals(String.valueOf(a.body.getBytes(StandardCharsets.UTF_8).length), a.contentLength);
    }

    @Test
    void queryStringIsIgnored() {
        assertEquals(200, get(HttpMethod.GET, "/healthz?verbose=1").status);
    }

    @Test
    void unknownPathIs404() {
        assertEquals(404, get(HttpMethod.GET, "/admin").status);
        assertEquals(404, get(HttpMethod.GET, "/metrics/").status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS"})
    void otherMethodsAre405(String method) {
        assertEquals(405, get(HttpMethod.valueOf(method), "/metrics").status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/healthz", "/readyz", "/metrics", "/nope"})
    void headHasNoBodyButKeepsTheLength(String path) {
        Answer head = get(HttpMethod.HEAD, path);
        assertEquals("", head.body);
        assertNotNull(head.contentLength);
        assertTrue(Integer.parseInt(head.contentLength) > 0, head.contentLength);
    }

    @Test
    void connectionCloseClosesAfterTheAnswer() {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/healthz");
        req.headers().set(HttpHeaderNames.CONNECTION, "close");
        ch.writeInbound(req);
        FullHttpResponse res = ch.readOutbound();
        try {
            assertEquals("close", res.headers().get(HttpHeaderNames.CONNECTION));
        } finally {
            res.release();
        }
        assertFalse(ch.isOpen());
    }

    @Test
    void keepAliveStaysOpenAndTheRequestIsReleased() {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/healthz");
        get(req);
        assertEquals(0, req.refCnt());
        assertTrue(ch.isOpen());
    }

    private Answer get(HttpMethod method, String uri) {
        return get(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
    }

    private Answer get(FullHttpRequest req) {
        ch.writeInbound(req);
        FullHttpResponse res = ch.readOutbound();
        assertNotNull(res);
        try {
            return new Answer(res.status().code(), res.content().toString(StandardCharsets.UTF_8),
                    res.headers().get(HttpHeaderNames.CONTENT_LENGTH), res.headers().get(HttpHeaderNames.CONTENT_TYPE));
        } finally {
            res.release();
        }
    }

    private record Answer(int status, String body, String contentLength, String contentType) {
    }
}
