package dev.pincer.proxy.forward;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.List;

/**
 * How a request's body is delimited on the upstream hop (RFC 9112 §6), decided once from what the
 * client side decoded and written by Pincer itself after every other header rewrite. Whatever the
 * client's fields said (or a {@code Connection} header asked to strip), the upstream sees exactly
 * one of: no framing field (no body), {@code Content-Length: n}, or {@code Transfer-Encoding: chunked}.
 *
 * <p>Example: an HTTP/1 request the decoder framed as {@code Content-Length: 5} goes upstream with
 * {@code Content-Length: 5} even if some rewrite removed it; an HTTP/2 stream with DATA and no
 * {@code content-length} goes upstream chunked.
 */
final class UpstreamFraming {
    private static final UpstreamFraming NONE = new UpstreamFraming(-1, false);
    private static final UpstreamFraming CHUNKED = new UpstreamFraming(-1, true);

    private final long length;
    private final boolean chunked;

    private UpstreamFraming(long length, boolean chunked) {
        this.length = length;
        this.chunked = chunked;
    }

    /**
     * @param head            the request head as decoded, before any rewrite
     * @param http2           the client spoke HTTP/2 (framing by DATA frames, content-length optional)
     * @param requestComplete the head already ended the request (HTTP/2 END_STREAM on HEADERS)
     * @return the framing, or {@code null} when the Content-Length fields are not one valid value
     */
    static UpstreamFraming decide(HttpRequest head, boolean http2, boolean requestComplete) {
        HttpHeaders h = head.headers();
        if (!http2 && HttpUtil.isTransferEncodingChunked(head)) {
            return CHUNKED; // the strict decoder admits exactly "chunked", never with Content-Length
        }
        List<String> lengths = h.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (lengths.size() > 1) {
            return null;
        }
        if (lengths.size() == 1) {
            long n = parse(lengths.get(0));
            return n < 0 ? null : new UpstreamFraming(n, false);
        }
        return http2 && !requestComplete ? CHUNKED : NONE;
    }

    boolean chunked() {
        return chunked;
    }

    /** Whether a body of {@code bytes} so far ({@code last}: in all) fits this framing. */
    boolean allows(long bytes, boolean last) {
        if (length < 0) {
            return chunked || bytes == 0;
        }
        return last ? bytes == length : bytes <= length;
    }

    /** Replaces whatever framing fields {@code headers} has with this framing's. */
    void apply(HttpHeaders headers) {
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (chunked) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else if (length >= 0) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
        }
    }

    /** 1 to 18 digits, else -1. */
    private static long parse(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
