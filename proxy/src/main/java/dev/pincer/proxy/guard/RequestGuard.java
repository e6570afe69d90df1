package dev.pincer.proxy.guard;

import dev.pincer.correlator.context.RequestContext;
import dev.pincer.inspection.request.RequestHead;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * One request's link to its context in the correlator, used on the exchange's event loop only.
 * It copies at most {@code limit} bytes of the request body (the caller keeps ownership of every
 * buffer it passes) and, when the body ends or the prefix is full, re-extracts the inputs with the
 * body so the context is complete before the last copied bytes are forwarded to the app.
 */
public final class RequestGuard {
    private final SinkGuard owner;
    private final RequestContext context;
    private final RequestHead head;
    private final String headerValue;
    private final int limit;
    private byte[] prefix;
    private int size;
    private boolean bodyDone;
    private boolean closed;

    RequestGuard(SinkGuard owner, RequestContext context, RequestHead head, String headerValue, int limit) {
        this.owner = owner;
        this.context = context;
        this.head = head;
        this.headerValue = headerValue;
        this.limit = limit;
        this.bodyDone = limit == 0;
    }

    /** The signed {@code X-Pincer-Context} value to send upstream. */
    public String headerValue() {
        return headerValue;
    }

    public String contextId() {
        return context.id();
    }

    /** Copies what still fits of {@code content} into the prefix; does not retain or release it. */
    public void onBody(ByteBuf content, boolean last) {
        if (bodyDone) {
            return;
        }
        int n = Math.min(content.readableBytes(), limit - size);
        if (n > 0) {
            if (prefix == null) {
                prefix = new byte[Math.min(limit, Math.max(n, 1024))];
            }
            if (size + n > prefix.length) {
                prefix = Arrays.copyOf(prefix, Math.min(limit, Math.max(size + n, prefix.length * 2)));
            }
            content.getBytes(content.readerIndex(), prefix, size, n);
            size += n;
        }
        boolean complete = last && n == content.readableBytes();
        if (last || size >= limit) {
            bodyDone = true;
            byte[] body = prefix == null ? new byte[0] : Arrays.copyOf(prefix, size);
            prefix = null;
            context.updateInputs(owner.extract(head, body, complete));
        }
    }

    /** True once a sink of this request was blocked (hybrid mode). */
    public boolean blocked() {
        return context.blocked();
    }

    /** Drops the context; called once when the exchange ends. */
    public void close() {
        if (!closed) {
            closed = true;
            owner.close(context);
        }
    }
}
