package dev.pincer.proxy.forward;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Rewrites an upstream response head for the client (RFC 9112 §6, §9.3): hop-by-hop fields out
 * ({@link ForwardHeaders#toClient}), HTTP/1.1 on the wire, a body without a length chunked for an
 * HTTP/1.1 client or ended by closing the connection for an HTTP/1.0 one, {@code Connection:
 * close} or {@code keep-alive} as the client connection's fate requires, and a 101's upgrade
 * fields kept.
 *
 * <p>Example: a 200 without {@code Content-Length} to an HTTP/1.1 keep-alive client gets
 * {@code Transfer-Encoding: chunked}; the same to an HTTP/1.0 client gets {@code Connection: close}.
 */
final class ResponseFraming {
    private ResponseFraming() {
    }

    /**
     * @param close whether the client connection closes after this response as far as the request
     *              decided (not keep-alive, request not complete, draining)
     * @return whether the client connection closes after this response
     */
    static boolean toClient(HttpResponse r, String requestId, boolean headRequest, boolean http2, boolean clientHttp11,
                            boolean close) {
        int code = r.status().code();
        boolean hasLength = HttpUtil.isContentLengthSet(r);
        boolean upstreamChunked = HttpUtil.isTransferEncodingChunked(r);
        String upgrade = r.headers().get(HttpHeaderNames.UPGRADE);
        ForwardHeaders.toClient(r.headers(), requestId);
        r.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (code == 101) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            r.headers().set(HttpHeaderNames.UPGRADE, upgrade == null ? "websocket" : upgrade);
            return close;
        }
        boolean bodyless = headRequest || code == 204 || code == 304;
        if (!http2 && ((!bodyless && !hasLength) || (headRequest && upstreamChunked))) {
            if (clientHttp11) {
                HttpUtil.setTransferEncodingChunked(r, true);
            } else {
                close = true; // HTTP/1.0 client: the body ends when the connection does
            }
        }
        if (close && !http2) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!clientHttp11) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE); // RFC 9112 §9.3
        }
        return close;
    }
}
