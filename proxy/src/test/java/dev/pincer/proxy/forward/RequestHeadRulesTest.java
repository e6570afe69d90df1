package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.config.LimitsConfig;
import dev.pincer.proxy.http1.RejectReason;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

/** An HTTP/2 head is held to the rules the HTTP/1 decoder holds a head to. */
class RequestHeadRulesTest {

    private static HttpRequest h2(HttpMethod method, String path) {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, path); // as Netty converts an h2 HEADERS
    }

    /** The :path arrives one char per byte; raw UTF-8 becomes its text, as over HTTP/1. */
    @Test
    void aUtf8PathIsDecodedAsTheDecoderWould() {
        HttpRequest r = h2(HttpMethod.GET, "/caf\u00c3\u00a9?q=\u00e2\u0091\u00a0");
        assertNull(RequestHeadRules.http2(r, LimitsConfig.DEFAULT));
        assertEquals("/caf\u00e9?q=\u2460", r.uri());
    }

    @Test
    void aPathTheDecoderRefusesIsRefused() {
        String[][] refused = {
            {"GET", "/caf\u00e9"},    // a Latin-1 byte, not UTF-8
            {"GET", "/a\u00c0\u00afb"}, // an overlong UTF-8 slash
            {"GET", "/a#frag"},       // a fragment
            {"GET", "/a\u0000"},      // a NUL
            {"GET", "/a\u007f"},      // a DEL
            {"GET", "*"},             // asterisk-form outside OPTIONS
            {"GET", "relative"},      // not origin-form
        };
        for (String[] c : refused) {
            assertEquals(RejectReason.BAD_TARGET, RequestHeadRules.http2(h2(HttpMethod.valueOf(c[0]), c[1]), LimitsConfig.DEFAULT),
                    c[1]);
        }
    }

    @Test
    void twoContentTypesAreRefused() {
        HttpRequest r = h2(HttpMethod.POST, "/");
        r.headers().add("content-type", "application/json").add("content-type", "application/xml");
        assertEquals(RejectReason.DUPLICATE_CONTENT_TYPE, RequestHeadRules.http2(r, LimitsConfig.DEFAULT));
    }

    @Test
    void theAuthorityIsHeldToTheHostRules() {
        HttpRequest ok = h2(HttpMethod.GET, "/");
        ok.headers().set("host", "shop.example:8443");
        assertNull(RequestHeadRules.http2(ok, LimitsConfig.DEFAULT));
        for (String bad : new String[] {"user@shop.example", "localhost%00", "a:65536", "a b"}) {
            HttpRequest r = h2(HttpMethod.GET, "/");
            r.headers().set("host", bad);
            assertEquals(RejectReason.BAD_HOST, RequestHeadRules.http2(r, LimitsConfig.DEFAULT), bad);
        }
        HttpRequest two = h2(HttpMethod.GET, "/");
        two.headers().add("host", "a").add("host", "b");
        assertEquals(RejectReason.DUPLICATE_HOST, RequestHeadRules.http2(two, LimitsConfig.DEFAULT));
        HttpRequest same = h2(HttpMethod.GET, "/");
        same.headers().add("host", "a").add("host", "a"); // :authority and an identical host field
        assertNull(RequestHeadRules.http2(same, LimitsConfig.DEFAULT));
    }
}
