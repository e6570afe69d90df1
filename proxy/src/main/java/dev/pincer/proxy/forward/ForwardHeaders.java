package dev.pincer.proxy.forward;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites request headers for the upstream hop: hop-by-hop fields out, Pincer's own namespace
 * ({@code X-Pincer-*}) and HTTP/2 conversion artefacts ({@code x-http2-*}) out, forwarding fields
 * ({@code X-Forwarded-For/Proto/Host}, RFC 7239 {@code Forwarded}, {@code X-Real-IP}) and
 * {@code X-Request-Id} set. Client-supplied forwarding fields survive only when the peer is a
 * trusted proxy; otherwise Pincer's own values replace them. {@code X-Real-IP} is always the client
 * address Pincer resolved ({@link ClientAddress}), so the app and the edge's lists, limits and
 * events name the same client.
 *
 * <p>Example: from an untrusted peer 203.0.113.9 that sent {@code Forwarded: for=127.0.0.1} and
 * {@code X-Real-IP: 127.0.0.1}, the app gets {@code Forwarded: for=203.0.113.9;host="a.example";proto=http}
 * and {@code X-Real-IP: 203.0.113.9}.
 */
final class ForwardHeaders {
    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final AsciiString X_REQUEST_ID = AsciiString.cached("x-request-id");
    static final AsciiString X_REAL_IP = AsciiString.cached("x-real-ip");
    static final AsciiString FORWARDED = AsciiString.cached("forwarded");
    /** The signed request-context header for the in-app sensor (docs/sensor-protocol.md). */
    static final AsciiString X_PINCER_CONTEXT = AsciiString.cached("x-pincer-context");
    private static final String PINCER_PREFIX = "x-pincer-";
    private static final String HTTP2_PREFIX = "x-http2-";

    private ForwardHeaders() {
    }

    /**
     * @param headers     the request's headers, rewritten in place
     * @param peerText    the TCP peer's address
     * @param clientText  the client address Pincer resolved (the peer, or from a trusted peer's forwarding header)
     * @param peerTrusted whether the peer is a trusted proxy
     * @param scheme      {@code http} or {@code https}, as the client reached us
     * @param host        the request's authority (Host), may be empty
     * @param requestId   the id assigned to this request
     * @param websocket   keep the {@code Upgrade: websocket} handshake fields
     */
    static void toUpstream(HttpHeaders headers, String peerText, String clientText, boolean peerTrusted,
                           String scheme, String host, String requestId, boolean websocket) {
        String xff = peerTrusted ? joined(headers, X_FORWARDED_FOR) : null;
        String proto = peerTrusted ? headers.get(X_FORWARDED_PROTO) : null;
        String fwdHost = peerTrusted ? headers.get(X_FORWARDED_HOST) : null;
        String forwarded = peerTrusted ? joined(headers, FORWARDED) : null;

        HopByHop.strip(headers);
        removePrefixed(headers);
        headers.remove(HttpHeaderNames.EXPECT);

        headers.set(X_FORWARDED_FOR, xff == null ? peerText : xff + ", " + peerText);
        headers.set(X_FORWARDED_PROTO, proto == null ? scheme : proto);
        if (fwdHost != null) {
            headers.set(X_FORWARDED_HOST, fwdHost);
        } else if (!host.isEmpty()) {
            headers.set(X_FORWARDED_HOST, host);
        } else {
            headers.remove(X_FORWARDED_HOST);
        }
        String element = forwardedElement(peerText, host, scheme);
        headers.set(FORWARDED, forwarded == null ? element : forwarded + ", " + element);
        headers.set(X_REAL_IP, clientText); // always the identity the edge judged (ClientAddress), never a hop's say-so
        headers.set(X_REQUEST_ID, requestId);
        if (websocket) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
        }
    }

    /** Removes hop-by-hop fields from a response; the caller sets framing and Connection. */
    static void toClient(HttpHeaders headers, String requestId) {
        HopByHop.strip(headers);
        headers.set(X_REQUEST_ID, requestId);
    }

    /** RFC 7239 §4: this hop's element, {@code for=192.0.2.1;host="a.example";proto=https}. */
    static String forwardedElement(String peerText, String host, String scheme) {
        StringBuilder sb = new StringBuilder(64).append("for=");
        if (peerText.indexOf(':') >= 0) {
            sb.append("\"[").append(peerText).append("]\""); // §6: an IPv6 node is bracketed and quoted
        } else {
            sb.append(peerText);
        }
        if (!host.isEmpty()) {
            sb.append(";host=");
            quoted(sb, host);
        }
        return sb.append(";proto=").append(scheme).toString();
    }

    private static void quoted(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static String joined(HttpHeaders headers, CharSequence name) {
        List<String> all = headers.getAll(name);
        if (all.isEmpty()) {
            return null;
        }
        return all.size() == 1 ? all.get(0) : String.join(", ", all);
    }

    private static void removePrefixed(HttpHeaders headers) {
        List<CharSequence> doomed = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); // no String copies
        while (it.hasNext()) {
            CharSequence n = it.next().getKey();
            if (AsciiString.regionMatches(n, true, 0, PINCER_PREFIX, 0, PINCER_PREFIX.length())
                    || AsciiString.regionMatches(n, true, 0, HTTP2_PREFIX, 0, HTTP2_PREFIX.length())) {
                if (doomed == null) {
                    doomed = new ArrayList<>(2);
                }
                doomed.add(n);
            }
        }
        if (doomed != null) {
            doomed.forEach(headers::remove);
        }
    }
}
