package dev.pincer.proxy.forward;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * The client-side HTTP/1.1 response encoder. It must know when a response answers a HEAD request
 * (RFC 9110 §9.3.2): such a response keeps its framing headers but carries no body, not even the
 * terminating {@code 0} chunk. The frontend handler tells it before writing each response head.
 * Sits between the strict request decoder and the socket (or TLS) in the HTTP/1 pipeline.
 */
public final class ServerResponseEncoder extends HttpResponseEncoder {
    private boolean head;

    /** The next response head answers a HEAD request (or not). */
    void answeringHead(boolean head) {
        this.head = head;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse msg) {
        return head || super.isContentAlwaysEmpty(msg);
    }
}
