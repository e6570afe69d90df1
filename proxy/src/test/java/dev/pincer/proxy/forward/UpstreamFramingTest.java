package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link UpstreamFraming}: the upstream hop's framing is decided from the decoded request and
 * written last, so no client field (and no Connection-driven strip) can remove or change it.
 */
class UpstreamFramingTest {

    /** fields as name=value;..., http2, complete, expected upstream framing fields (or "invalid"). */
    @ParameterizedTest(name = "{0} h2={1} complete={2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "Content-Length=5                 | false | false | Content-Length: 5",
        "Transfer-Encoding=chunked        | false | false | Transfer-Encoding: chunked",
        "-                                | false | true  | -",
        "-                                | true  | false | Transfer-Encoding: chunked",
        "-                                | true  | true  | -",
        "content-length=3                 | true  | false | Content-Length: 3",
        "content-length=3;content-length=3| true  | false | invalid",
        "content-length=x                 | true  | false | invalid",
        "content-length=-1                | true  | false | invalid",
    })
    void decidesFromTheDecodedHead(String fields, boolean http2, boolean complete, String expected) {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        if (!fields.equals("-")) {
            for (String f : fields.split(";")) {
                String[] nv = f.split("=", 2);
                head.headers().add(nv[0], nv[1]);
            }
        }
        UpstreamFraming framing = UpstreamFraming.decide(head, http2, complete);
        if (expected.equals("invalid")) {
            assertNull(framing);
            return;
        }
        HttpHeaders out = head.headers().copy();
        out.remove("content-length"); // what a Connection: Content-Length strip once did
        out.set("Transfer-Encoding", "gzip"); // and anything else a client might have slipped in
        framing.apply(out);
        String actual = out.contains("content-length") ? "Content-Length: " + out.get("content-length")
                : out.contains("transfer-encoding") ? "Transfer-Encoding: " + out.get("transfer-encoding") : "-";
        assertEquals(expected, actual);
        int framingFields = out.getAll("content-length").size() + out.getAll("transfer-encoding").size();
        assertEquals(actual.equals("-") ? 0 : 1, framingFields, "exactly the one framing field chosen");
    }

    @ParameterizedTest(name = "length 3: {0} bytes last={1} -> {2}")
    @CsvSource({"3, true, true", "2, false, true", "2, true, false", "4, false, false"})
    void lengthBoundsTheBody(long bytes, boolean last, boolean ok) {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        head.headers().set("content-length", "3");
        assertEquals(ok, UpstreamFraming.decide(head, true, false).allows(bytes, last));
    }

    @org.junit.jupiter.api.Test
    void noFramingAllowsNoBody() {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        UpstreamFraming none = UpstreamFraming.decide(head, false, true);
        assertTrue(none.allows(0, true));
        assertFalse(none.allows(1, true));
    }
}
