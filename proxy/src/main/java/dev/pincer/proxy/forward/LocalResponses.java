package dev.pincer.proxy.forward;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import dev.pincer.inspection.request.HeaderField;
import java.util.List;

/**
 * Responses Pincer writes itself (rejections, routing misses, upstream failures): a short plain
 * text body naming the problem and the request id, {@code Cache-Control: no-store}, and
 * {@code Connection: close} when the connection is to be closed after it.
 */
final class LocalResponses {
    private LocalResponses() {
    }

    static FullHttpResponse of(ByteBufAllocator alloc, HttpResponseStatus status, String why, String requestId,
                               boolean close) {
        return of(alloc, status, why, requestId, close, List.of());
    }

    /**
     * With {@code extra} header fields an edge block carries ({@code Retry-After} on a 429); they
     * cannot replace the framing, type, cache or id fields set here.
     */
    static FullHttpResponse of(ByteBufAllocator alloc, HttpResponseStatus status, String why, String requestId,
                               boolean close, List<HeaderField> extra) {
        String text = status.code() + " " + status.reasonPhrase() + ": " + why
                + (requestId == null ? "" : " (request id " + requestId + ")") + "\n";
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                ByteBufUtil.writeUtf8(alloc, text));
        for (HeaderField h : extra) {
            r.headers().add(h.name(), h.value());
        }
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (requestId != null) {
            r.headers().set(ForwardHeaders.X_REQUEST_ID, requestId);
        }
        if (close) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return r;
    }
}
