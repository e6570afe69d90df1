package dev.pincer.proxy.guard;

import dev.pincer.config.RouteConfig;
import dev.pincer.config.RouteConfig.Incomplete;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.xss.MarkupInputs;
import dev.pincer.inspection.body.BodyBuffer;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.proxy.metrics.ProxyMetrics;
import dev.pincer.inspection.body.BodyViews;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * One request's link to its context in the correlator, used on the exchange's event loop only.
 * It keeps the body bytes inspection reads (at most {@code body_prefix_bytes} of non-file body; the
 * caller keeps ownership of every buffer it passes) and, when the body ends or crosses the limit,
 * re-extracts the inputs with the body so the context is complete before the last kept bytes are
 * forwarded to the app.
 *
 * <p>A request that inspection cannot represent whole is <em>incomplete</em>, and the route's
 * policy applies: {@link Incomplete#REJECT} makes {@link #rejection()} non-null (413 for a body over
 * the limit, 400 for counts, lengths, depth or an undecoded coding) and the exchange answers that
 * without forwarding anything more; {@link Incomplete#SUSPECT} forwards it, its context carrying the
 * truncations. Either way one {@code incomplete_request} event is logged and counted.
 *
 * <p>Example: {@code POST /login} with {@code Content-Length: 200000} of form under a 128 KiB limit
 * on a {@code reject} route: {@link #rejection()} is 413 right after {@code open}, before any
 * upstream connection.
 */
public final class RequestGuard {
    private final SinkGuard owner;
    private final RequestContext context;
    private final RequestHead head;
    private final String headerValue;
    private final Incomplete policy;
    private final Incidents incidents;
    private final BodyBuffer body;
    private final int holdBytes;
    private byte[] scratch;
    private RequestInputs inputs;
    private boolean bodyDone;
    private HttpResponseStatus rejection;
    private boolean closed;

    RequestGuard(SinkGuard owner, RequestContext context, RequestHead head, String headerValue, Incomplete policy,
                 Incidents incidents, BodyBuffer body, int holdBytes) {
        this.owner = owner;
        this.context = context;
        this.head = head;
        this.headerValue = headerValue;
        this.policy = policy;
        this.incidents = incidents;
        this.body = body;
        this.holdBytes = holdBytes;
        this.bodyDone = body == null;
    }

    /**
     * True while inspection still reads the body: the exchange then holds the body (at most
     * {@link #holdBytes()} bytes of it) and connects upstream only once this turns false, so a
     * request inspection rejects never reaches the app at all.
     */
    public boolean bodyPending() {
        return !bodyDone && rejection == null;
    }

    /**
     * The most body bytes the exchange holds back while {@link #bodyPending()}: the body prefix
     * limit. Past it (a large upload, whose file contents inspection skips), the exchange streams
     * the rest and inspection goes on reading what passes.
     */
    public int holdBytes() {
        return holdBytes;
    }

    /** The signed {@code X-Pincer-Context} value to send upstream. */
    public String headerValue() {
        return headerValue;
    }

    public String contextId() {
        return context.id();
    }

    /**
     * Null while the request may be forwarded; otherwise the status to answer it with (413 or
     * 400), and nothing more of it may reach the app.
     */
    public HttpResponseStatus rejection() {
        return rejection;
    }

    /**
     * Takes the next body content; does not retain or release it.
     *
     * @param last  whether this is the last content of the body
     * @param views other readers of the body to feed in the extraction's pass (the edge rules), or null
     * @return true to forward {@code content}; false when the request was rejected as incomplete:
     *         {@code content} must not be forwarded, the upstream connection must be aborted and the
     *         client answered {@link #rejection()}
     */
    public boolean onBody(ByteBuf content, boolean last, BodyViews views) {
        if (rejection != null) {
            return false;
        }
        if (bodyDone) {
            return true;
        }
        boolean fits = append(content);
        if (!fits || last) {
            bodyDone = true;
            inputs = owner.extract(head, body.kept(), fits, views);
            context.updateInputs(inputs); // before anything more of the request goes on
            incomplete(inputs);
        }
        return rejection == null;
    }

    /**
     * The inputs extracted with the body once it was seen, or null while only the head's exist:
     * the object the context holds, handed on to the request's edge transaction.
     */
    public RequestInputs bodyInputs() {
        return inputs;
    }

    /**
     * Marks the context suspect (an edge finding that the sinks are to confirm): its sink checks
     * are told the edge's rule ids.
     */
    public void markSuspect(java.util.List<String> ruleIds) {
        context.markSuspect(ruleIds);
    }

    /** Applies the route's policy to inputs that are final: logs, counts and, for reject, sets the answer. */
    void incomplete(RequestInputs inputs) {
        if (!inputs.truncated()) {
            return;
        }
        rejection = incidents.incomplete(context.id(), inputs.truncations(), policy);
    }

    private boolean append(ByteBuf content) {
        int n = content.readableBytes();
        if (content.hasArray()) {
            return body.append(content.array(), content.arrayOffset() + content.readerIndex(), n);
        }
        if (scratch == null) {
            scratch = new byte[Math.min(8192, Math.max(n, 256))];
        }
        boolean fits = true;
        for (int at = 0; at < n && fits; at += scratch.length) {
            int len = Math.min(scratch.length, n - at);
            content.getBytes(content.readerIndex() + at, scratch, 0, len);
            fits = body.append(scratch, 0, len);
        }
        return fits;
    }

    /**
     * True when some input of the request (as the context has it now) carries markup
     * ({@link MarkupInputs}): its HTML responses are held for the XSS check.
     */
    public boolean inputsCarryMarkup() {
        return MarkupInputs.any(context.inputs());
    }

    /**
     * The XSS check for this response, or null when it streams unheld: the route's check is off,
     * the response has no body a browser renders as markup (a HEAD answer, 1xx, 204, 304, a
     * non-markup type; see {@code ResponseTypes}), or no input carries markup.
     */
    public ResponseGuard checkResponse(HttpResponse r, RouteConfig.Xss xss, boolean headRequest,
                                       ProxyMetrics metrics) {
        int code = r.status().code();
        if (!xss.enabled() || headRequest || code < 200 || code == 204 || code == 304) {
            return null;
        }
        if (!ResponseTypes.markup(r.headers().getAll(HttpHeaderNames.CONTENT_TYPE)) || !inputsCarryMarkup()) {
            return null;
        }
        ResponseText text = new ResponseText(ResponseTypes.coding(r.headers().getAll(HttpHeaderNames.CONTENT_ENCODING)),
                ResponseTypes.charset(r.headers().getAll(HttpHeaderNames.CONTENT_TYPE)));
        return owner.responseGuard(context, xss.prefixBytes(), text, metrics);
    }

    /** True once a sink of this request was blocked (hybrid mode). */
    public boolean blocked() {
        return context.blocked();
    }

    /**
     * True when a block verdict reached a sensor that was still waiting, so the sink did not run;
     * false for a block that came late (the sensor had failed open): the response is still
     * replaced, but nothing may claim the sink was stopped.
     */
    public boolean sinkStopped() {
        return context.sinkStopped();
    }

    /** Drops the context; called once when the exchange ends. */
    public void close() {
        if (!closed) {
            closed = true;
            owner.close(context);
        }
    }
}
