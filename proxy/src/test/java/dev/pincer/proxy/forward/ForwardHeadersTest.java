package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ForwardHeaders}: the request and response header rewrite at the proxy hop. */
class ForwardHeadersTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";

    @Test
    void untrustedPeerReplacesForwardingFields() {
        HttpHeaders h = headers();
        h.add("X-Forwarded-For", "1.2.3.4");
        h.add("X-Forwarded-Proto", "https");
        h.add("X-Forwarded-Host", "spoofed.example");
        ForwardHeaders.toUpstream(h, "203.0.113.9", "203.0.113.9", false, "http", "app.example:8080", ID, false);
        assertEquals(List.of("203.0.113.9"), h.getAll("x-forwarded-for"));
        assertEquals("http", h.get("x-forwarded-proto"));
        assertEquals("app.example:8080", h.get("x-forwarded-host"));
        assertEquals(ID, h.get("x-request-id"));
    }

    @Test
    void trustedPeerAppendsToXffAndKeepsProtoAndHost() {
        HttpHeaders h = headers();
        h.add("X-Forwarded-For", "1.2.3.4");
        h.add("X-Forwarded-For", "5.6.7.8");
        h.add("X-Forwarded-Proto", "https");
        h.add("X-Forwarded-Host", "public.example");
        ForwardHeaders.toUpstream(h, "10.0.0.1", "10.0.0.1", true, "http", "app.internal", ID, false);
        assertEquals(List.of("1.2.3.4, 5.6.7.8, 10.0.0.1"), h.getAll("x-forwarded-for"));
        assertEquals("https", h.get("x-forwarded-proto"));
        assertEquals("public.example", h.get("x-forwarded-host"));
    }

    @Test
    void trustedPeerWithoutForwardingFieldsGetsOurs() {
        HttpHeaders h = headers();
        ForwardHeaders.toUpstream(h, "10.0.0.1", "10.0.0.1", true, "https", "a.example", ID, false);
        assertEquals("10.0.0.1", h.get("x-forwarded-for"));
        assertEquals("https", h.get("x-forwarded-proto"));
        assertEquals("a.example", h.get("x-forwarded-host"));
    }

    @Test
    void noHostMeansNoForwardedHost() {
        HttpHeaders h = headers();
        h.add("X-Forwarded-Host", "spoofed.example");
        ForwardHeaders.toUpstream(h, "203.0.113.9", "203.0.113.9", false, "http", "", ID, false);
        assertNull(h.get("x-forwarded-host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Pincer-Verdict", "x-pincer-", "X-PINCER-SIGNATURE", "x-http2-stream-id",
            "X-Http2-Scheme", "Connection", "Keep-Alive", "TE", "Upgrade", "Proxy-Connection",
            "Transfer-Encoding", "Expect"})
    void removedFields(String name) {
        HttpHeaders h = headers();
        h.add(name, "v");
        ForwardHeaders.toUpstream(h, "203.0.113.9", "203.0.113.9", false, "http", "a", ID, false);
        assertFalse(h.contains(name), name);
        assertEquals("text/html", h.get("accept"), "other fields stay");
    }

    @Test
    void fieldsNamedByConnectionAreRemoved() {
        HttpHeaders h = headers();
        h.add("Connection", "X-Drop");
        h.add("X-Drop", "1");
        ForwardHeaders.toUpstream(h, "203.0.113.9", "203.0.113.9", false, "http", "a", ID, false);
        assertFalse(h.contains("x-drop"));
    }

    @Test
    void clientRequestIdIsReplaced() {
        HttpHeaders h = headers();
        h.add("X-Request-Id", "client-chosen");
        ForwardHeaders.toUpstream(h, "203.0.113.9", "203.0.113.9", false, "http", "a", ID, false);
        assertEquals(List.of(ID), h.getAll("x-request-id"));
    }

    @Test
    void websocketHandshakeFieldsAreRestored() {
        HttpHeaders h = headers();
        h.add("Connection", "Upgrade");
        h.add("Upgrade", "websocket");
        h.add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        ForwardHeaders.toUpstream(h, "203.0.113.9", "203.0.113.9", false, "http", "a", ID, true);
        assertEquals("upgrade", h.get("connection"));
        assertEquals("websocket", h.get("upgrade"));
        assertEquals("dGhlIHNhbXBsZSBub25jZQ==", h.get("sec-websocket-key"));
    }

    @Test
    void toClientStripsHopByHopAndSetsTheRequestId() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add("Connection", "keep-alive, X-Internal");
        h.add("X-Internal", "1");
        h.add("Keep-Alive", "timeout=5");
        h.add("Transfer-Encoding", "chunked");
        h.add("Content-Type", "text/plain");
        ForwardHeaders.toClient(h, ID);
        assertEquals(List.of("Content-Type", "x-request-id"), h.names().stream().sorted().toList());
        assertEquals(ID, h.get("x-request-id"));
    }

    @Test
    void joinedCombinesFieldLines() {
        HttpHeaders h = new DefaultHttpHeaders();
        assertNull(ForwardHeaders.joined(h, "x-forwarded-for"));
        h.add("X-Forwarded-For", "a");
        assertEquals("a", ForwardHeaders.joined(h, "x-forwarded-for"));
        h.add("x-forwarded-for", "b, c");
        assertEquals("a, b, c", ForwardHeaders.joined(h, "X-Forwarded-For"));
    }

    private static HttpHeaders headers() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.add("Host", "a");
        h.add("Accept", "text/html");
        return h;
    }

    @Test
    void untrustedPeerGetsOurForwardedAndRealIp() {
        HttpHeaders h = headers();
        h.add("Forwarded", "for=127.0.0.1;proto=https");
        h.add("X-Real-IP", "127.0.0.1");
        ForwardHeaders.toUpstream(h, "203.0.113.9", "203.0.113.9", false, "http", "app.example:8080", ID, false);
        assertEquals(List.of("for=203.0.113.9;host=\"app.example:8080\";proto=http"), h.getAll("forwarded"));
        assertEquals(List.of("203.0.113.9"), h.getAll("x-real-ip"));
    }

    @Test
    void trustedPeerKeepsForwardedAndAppendsThisHop() {
        HttpHeaders h = headers();
        h.add("Forwarded", "for=198.51.100.7");
        h.add("Forwarded", "for=192.0.2.60;proto=https");
        h.add("X-Forwarded-For", "198.51.100.7");
        ForwardHeaders.toUpstream(h, "10.0.0.1", "198.51.100.7", true, "https", "a.example", ID, false);
        assertEquals(List.of("for=198.51.100.7, for=192.0.2.60;proto=https, for=10.0.0.1;host=\"a.example\";proto=https"),
                h.getAll("forwarded"));
        assertEquals(List.of("198.51.100.7"), h.getAll("x-real-ip"), "the client address computed from XFF");
    }

    /**
     * A trusted peer's own X-Real-IP is replaced by the client Pincer resolved: many load balancers
     * pass a client's X-Real-IP on untouched, and the app must see the identity the edge judged.
     */
    @Test
    void realIpIsAlwaysTheResolvedClientEvenFromATrustedPeer() {
        HttpHeaders h = headers();
        h.add("X-Real-IP", "127.0.0.1");
        ForwardHeaders.toUpstream(h, "10.0.0.1", "198.51.100.7", true, "http", "a.example", ID, false);
        assertEquals(List.of("198.51.100.7"), h.getAll("x-real-ip"));
    }

    @Test
    void ipv6PeerIsBracketedAndQuotedAndHostIsEscaped() {
        assertEquals("for=\"[2001:db8::1]\";host=\"a\\\"b\";proto=http",
                ForwardHeaders.forwardedElement("2001:db8::1", "a\"b", "http"));
        assertEquals("for=192.0.2.1;proto=https", ForwardHeaders.forwardedElement("192.0.2.1", "", "https"));
    }
}
