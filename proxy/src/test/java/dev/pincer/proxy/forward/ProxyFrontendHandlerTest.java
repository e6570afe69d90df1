package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ConfigLoader;
import dev.pincer.config.LimitsConfig;
import dev.pincer.config.PincerConfig;
import dev.pincer.proxy.http1.HeadTimeoutHandler;
import dev.pincer.proxy.http1.Http1Limits;
import dev.pincer.proxy.http1.StrictHttpRequestDecoder;
import dev.pincer.proxy.metrics.ProxyMetrics;
import dev.pincer.proxy.routing.Routing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProxyFrontendHandler} in the HTTP/1 pipeline that {@code server.Http1Pipeline} builds, over an
 * {@link EmbeddedChannel}: the answers Pincer gives itself, without reaching an upstream.
 */
class ProxyFrontendHandlerTest {
    private static final String YAML = """
            listen: 127.0.0.1:0
            access_log: false
            trusted_proxies: [%s]
            upstreams:
              app:
                servers: [127.0.0.1:9]
            routes:
              - match: { host: app.example, path_prefix: /app }
                upstream: app
            """;

    private static DefaultEventLoopGroup loops;
    private ProxyMetrics metrics;
    private FrontendContext shared;
    private static final java.net.InetSocketAddress PEER = new java.net.InetSocketAddress("127.0.0.1", 40000);
    private EmbeddedChannel ch;

    @BeforeAll
    static void startLoops() {
        loops = new DefaultEventLoopGroup(1);
    }

    @AfterAll
    static void stopLoops() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void setUp() throws Exception {
        start("10.255.255.255/32");
    }

    private void start(String trusted) throws Exception {
        PincerConfig config = ConfigLoader.parse(YAML.formatted(trusted), "test.yaml");
        metrics = new ProxyMetrics(false);
        shared = new FrontendContext(Routing.build(config, loops, LocalChannel.class, metrics,
                dev.pincer.inspection.protection.Protection.of(java.util.List.of(), 1024)), metrics);
        ch = new EmbeddedChannel(false, false) {
            @Override
            protected java.net.SocketAddress remoteAddress0() {
                return PEER; // a real peer address: ClientAddress never trusts a peer without one
            }
        };
        // As server.Http1Pipeline.install builds it.
        LimitsConfig l = config.limits();
        ServerResponseEncoder encoder = new ServerResponseEncoder();
        ch.pipeline().addLast("encoder", encoder);
        ch.pipeline().addLast("decoder", new StrictHttpRequestDecoder(
                new Http1Limits(l.maxUriLength(), l.maxHeaderBytes(), l.maxHeaders(), l.maxBodyBytes())));
        ch.pipeline().addLast("head-timeout", new HeadTimeoutHandler(l.headerReadTimeout()));
        ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, l.clientIdleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        ch.pipeline().addLast("frontend", new ProxyFrontendHandler(shared, "http", encoder));
        ch.register();
    }

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
        shared.routing().close();
    }

    @Test
    void noMatchingRouteIs404WithRequestIdAndClose() {
        send("GET /nothing HTTP/1.1\r\nHost: other.example\r\n\r\n");
        FullHttpResponse r = response();
        try {
            assertEquals(404, r.status().code());
            String id = r.headers().get("x-request-id");
            assertNotNull(id);
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            assertEquals("close", r.headers().get("connection"));
            assertTrue(r.content().toString(StandardCharsets.UTF_8).contains(id), "the body names the id");
        } finally {
            r.release();
        }
        assertFalse(ch.isOpen());
        assertEquals(1.0, rejected("no_route"));
        assertEquals(1.0, sample("pincer_requests_total", new String[] {"route", "method", "status"},
                new String[] {"-", "GET", "4xx"}));
        assertEquals(0, shared.inFlight());
    }

    @Test
    void routeMatchingUsesTheNormalisedPath() {
        send("GET /app/../admin HTTP/1.1\r\nHost: app.example\r\n\r\n");
        assertEquals(404, status(), "/app/../admin is /admin, which no route takes");
    }

    @Test
    void clientRequestIdIsReplacedWhenThePeerIsNotTrusted() {
        send("GET /nothing HTTP/1.1\r\nHost: other.example\r\nX-Request-Id: chosen-by-client\r\n\r\n");
        FullHttpResponse r = response();
        try {
            assertNotEquals("chosen-by-client", r.headers().get("x-request-id"));
        } finally {
            r.release();
        }
    }

    @Test
    void clientRequestIdIsKeptThroughATrustedProxy() throws Exception {
        ch.finishAndReleaseAll();
        shared.routing().close();
        start("127.0.0.1/32"); // PEER
        send("GET /nothing HTTP/1.1\r\nHost: other.example\r\nX-Request-Id: chosen-by-proxy\r\n\r\n");
        FullHttpResponse r = response();
        try {
            assertEquals("chosen-by-proxy", r.headers().get("x-request-id"));
        } finally {
            r.release();
        }
    }

    @Test
    void headRequestGetsTheHeadOfTheLocalAnswerOnly() {
        send("HEAD /nothing HTTP/1.1\r\nHost: other.example\r\n\r\n");
        String raw = rawOutbound();
        assertTrue(raw.startsWith("HTTP/1.1 404 "), raw);
        assertTrue(raw.toLowerCase().contains("content-length: "), raw);
        assertEquals(raw.indexOf("\r\n\r\n") + 4, raw.length(), "no body: " + raw);
    }

    @Test
    void connectIs405() {
        send("CONNECT app.example:443 HTTP/1.1\r\nHost: app.example:443\r\n\r\n");
        assertEquals(405, status());
        assertFalse(ch.isOpen());
        assertEquals(1.0, rejected("connect"));
    }

    @Test
    void unsupportedExpectationIs417AndTheBodyIsReleased() {
        send("POST /app/x HTTP/1.1\r\nHost: app.example\r\nExpect: something-else\r\nContent-Length: 5\r\n\r\nhello");
        assertEquals(417, status());
        assertFalse(ch.isOpen());
        assertEquals(1.0, rejected("expectation"));
        assertEquals(0, shared.inFlight());
    }

    @Test
    void contentLengthWithTransferEncodingIs400AndCloses() {
        send("POST /app/x HTTP/1.1\r\nHost: app.example\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        FullHttpResponse r = response();
        try {
            assertEquals(400, r.status().code());
            assertEquals("close", r.headers().get("connection"));
        } finally {
            r.release();
        }
        assertFalse(ch.isOpen());
        assertEquals(1.0, rejected("content_length_and_transfer_encoding"));
    }

    @Test
    void pipelinedRequestsAfterARejectedOneAreDiscarded() {
        send("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "GET /app HTTP/1.1\r\nHost: app.example\r\n\r\n"
                + "POST /app HTTP/1.1\r\nHost: app.example\r\nContent-Length: 3\r\n\r\nabc");
        assertEquals(400, status(), "one answer only");
        assertFalse(ch.isOpen());
        assertEquals(0, shared.inFlight());
    }

    @Test
    void pipelinedRequestsAfterALocalAnswerAreDiscardedAndReleased() {
        send("POST /nothing HTTP/1.1\r\nHost: other.example\r\nContent-Length: 10\r\n\r\n0123456789"
                + "POST /app/x HTTP/1.1\r\nHost: app.example\r\nContent-Length: 4\r\n\r\nbody"
                + "GET /app/y HTTP/1.1\r\nHost: app.example\r\n\r\n");
        assertEquals(404, status(), "one answer only");
        assertFalse(ch.isOpen());
        assertEquals(0, shared.inFlight());
        assertEquals(1.0, sample("pincer_requests_total", new String[] {"route", "method", "status"},
                new String[] {"-", "POST", "4xx"}));
    }

    @Test
    void bytesSplitAcrossReadsStillGetOneAnswer() {
        send("GET /noth");
        assertNull(ch.readOutbound());
        send("ing HTTP/1.1\r\nHost: other.example\r\n\r\nGET /x HTTP/1.1\r\n");
        assertEquals(404, status(), "one answer only");
    }

    // ---------------------------------------------------------------- helpers

    private void send(String raw) {
        ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
        ch.runPendingTasks();
    }

    private double rejected(String reason) {
        return sample("pincer_rejected_requests_total", new String[] {"reason"}, new String[] {reason});
    }

    private double sample(String name, String[] labels, String[] values) {
        Double v = metrics.registry().getSampleValue(name, labels, values);
        return v == null ? 0 : v;
    }

    private String rawOutbound() {
        StringBuilder sb = new StringBuilder();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) o;
            sb.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return sb.toString();
    }

    private int status() {
        FullHttpResponse r = response();
        try {
            return r.status().code();
        } finally {
            r.release();
        }
    }

    /**
     * Decodes everything the handler wrote with a client-side decoder and checks it is exactly one
     * complete response; the caller releases it.
     */
    private FullHttpResponse response() {
        EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 16));
        try {
            ByteBuf b;
            while ((b = ch.readOutbound()) != null) {
                client.writeInbound(b);
            }
            FullHttpResponse r = client.readInbound();
            assertNotNull(r, "a complete response");
            Object more = client.readInbound();
            if (more != null) {
                r.release();
                io.netty.util.ReferenceCountUtil.release(more);
                throw new AssertionError("more than one response");
            }
            return r;
        } finally {
            client.finishAndReleaseAll();
        }
    }
}
