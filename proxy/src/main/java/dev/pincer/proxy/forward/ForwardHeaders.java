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
 * ({@code X-Forwarded-For/Proto/Host}) and {@code X-Request-Id} set. Client-supplied forwarding
 * fields survive only when the peer is a trusted proxy.
 */
final class ForwardHeaders {
    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final AsciiString X_REQUEST_ID = AsciiString.cached("x-request-id");
    /** The signed request-context header for the in-app sensor (docs/sensor-protocol.md). */
    static final AsciiString X_PINCER_CONTEXT = AsciiString.cached("x-pincer-context");
    private static final String PINCER_PREFIX = "x-pincer-";
    private static final String HTTP2_PREFIX = "x-http2-";

    private ForwardHeaders() {
    }

    /**
     * @param headers     the request's headers, rewritten in place
     * @param peerText    the TCP peer's address
     * @param peerTrusted whether the peer is a trusted proxy
     * @param scheme      {@code http} or {@code https}, as the client reached us
     * @param host        the request's authority (Host), may be empty
     * @param requestId   the id assigned to this request
     * @param websocket   keep the {@code Upgrade: websocket} handshake fields
     */
    static void toUpstream(HttpHeaders headers, String peerText, boolean peerTrusted, String scheme,
                           String host, String requestId, boolean websocket) {
        String xff = peerTrusted ? joined(headers, X_FORWARDED_FOR) : null;
        String proto = peerTrusted ? headers.get(X_FORWARDED_PROTO) : null;
        String fwdHost = peerTrusted ? headers.get(X_FORWARDED_HOST) : null;

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
