package dev.pincer.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.proxy.testing.PincerHarness;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phases 3 and 4 through the real server: with {@code SecResponseBodyAccess On} the response body
 * prefix of a media type in {@code SecResponseBodyMimeType} is held and judged (its content coding
 * undone) before anything of the response goes out; other responses stream; phase 4 still runs,
 * right after phase 3, when the body is not held; a body the rules cannot see whole follows
 * {@code SecResponseBodyLimitAction}.
 */
class ResponseRulesTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String LEAK = "SecRule RESPONSE_BODY \"@contains SECRET-LEAK\" \"id:20001,phase:4,deny,status:403,"
            + "msg:'leak',tag:'attack-disclosure'\"\n";
    private MockWebServer upstream;
    private PincerHarness pincer;

    @TempDir
    Path dir;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (pincer != null) {
            pincer.close();
        }
        upstream.shutdown();
    }

    private void start(String rules) throws Exception {
        Path f = dir.resolve("response.conf");
        Files.writeString(f, rules);
        pincer = PincerHarness.start(PincerHarness.yaml("protection:\n  mode: edge\n  body_prefix_bytes: 65536\n"
                + "  rules: [" + f + "]\n", "127.0.0.1:" + upstream.getPort()));
    }

    private String get() throws Exception {
        return pincer.raw("GET /page HTTP/1.1\r\nHost: app\r\nAccept-Encoding: gzip, br\r\nConnection: close\r\n\r\n", T);
    }

    @Test
    void aLeakInAnHtmlBodyIsReplacedBeforeAnyOfItGoesOut() throws Exception {
        start("SecResponseBodyAccess On\n" + LEAK);
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody("<p>card: SECRET-LEAK</p>"));
        String r = get();
        assertEquals(403, PincerHarness.status(r), r);
        assertFalse(r.contains("SECRET-LEAK"), r);
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<p>fine</p>"));
        String ok = get();
        assertEquals(200, PincerHarness.status(ok), ok);
        assertTrue(ok.endsWith("<p>fine</p>"), ok);
    }

    @Test
    void aGzippedBodyIsJudgedDecodedAndTheUpstreamIsOfferedOnlyWhatPincerDecodes() throws Exception {
        start("SecResponseBodyAccess On\n" + LEAK);
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setHeader("Content-Encoding", "gzip")
                .setBody(new Buffer().write(gzip("<p>card: SECRET-LEAK</p>"))));
        String r = get();
        assertEquals(403, PincerHarness.status(r), r);
        assertEquals("gzip", upstream.takeRequest().getHeader("Accept-Encoding"), "br is not offered: Pincer cannot decode it");
    }

    @Test
    void aMediaTypeTheRulesDoNotReadStreamsUnjudged() throws Exception {
        start("SecResponseBodyAccess On\n" + LEAK);
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody("SECRET-LEAK"));
        String r = get();
        assertEquals(200, PincerHarness.status(r), r);
    }

    /** Without body access phase 4 still runs, at the response head: CRS's outbound evaluation can block. */
    @Test
    void phaseFourRunsAtTheHeadWhenTheBodyIsNotRead() throws Exception {
        start("SecRule RESPONSE_STATUS \"@streq 500\" \"id:20002,phase:4,deny,status:502,msg:'error page'\"\n");
        upstream.enqueue(new MockResponse().setResponseCode(500).setBody("stack trace"));
        String r = get();
        assertEquals(502, PincerHarness.status(r), r);
        assertFalse(r.contains("stack trace"), r);
    }

    /** The body limit at limit and at limit + 1, with SecResponseBodyLimitAction Reject: 500. */
    @Test
    void aBodyPastTheLimitIsRejectedWhenTheRulesSaySo() throws Exception {
        start("SecResponseBodyAccess On\nSecResponseBodyLimit 1024\nSecResponseBodyLimitAction Reject\n" + LEAK);
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody("a".repeat(1024)));
        assertEquals(200, PincerHarness.status(get()));
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody("a".repeat(1025)));
        String r = get();
        assertEquals(500, PincerHarness.status(r), r);
        assertEquals(1.0, pincer.metric("pincer_rule_incomplete_total", new String[] {"reason"},
                new String[] {"response_body"}));
    }

    /** ProcessPartial (the default): the prefix is judged, a leak in it still blocks, and the partial inspection is counted. */
    @Test
    void processPartialJudgesThePrefix() throws Exception {
        start("SecResponseBodyAccess On\nSecResponseBodyLimit 1024\n" + LEAK);
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/plain")
                .setBody("SECRET-LEAK" + "a".repeat(4096)));
        assertEquals(403, PincerHarness.status(get()));
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody("a".repeat(4096)));
        String r = get();
        assertEquals(200, PincerHarness.status(r), r);
        assertEquals(2.0, pincer.metric("pincer_rule_incomplete_total", new String[] {"reason"},
                new String[] {"response_body"}));
    }

    private static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
