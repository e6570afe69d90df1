package dev.pincer.proxy.forward;

import dev.pincer.config.LimitsConfig;
import dev.pincer.config.RouteConfig;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.protection.Protection;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.verdict.policy.Policy;
import java.util.function.UnaryOperator;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.proxy.guard.RequestGuard;
import dev.pincer.proxy.guard.ResponseCheck;
import dev.pincer.proxy.guard.SinkGuard;
import dev.pincer.proxy.http1.HttpRejection;
import dev.pincer.proxy.http1.RejectReason;
import dev.pincer.proxy.metrics.ProxyMetrics;
import dev.pincer.proxy.routing.Routing;
import dev.pincer.proxy.upstream.UpstreamConnection;
import dev.pincer.proxy.upstream.UpstreamGroup;
import dev.pincer.proxy.upstream.UpstreamListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One request and its response, from the request head arriving to the response's last byte being
 * written, as a state machine ({@link ExchangeState}, moved only by {@link #to}): routing, the
 * edge transaction's phases ({@link EdgeRequest}; the request head before any upstream lease),
 * holding a body inspection reads, upstream selection and retry ({@link UpstreamAttempts}),
 * header rewriting ({@link ForwardHeaders}, {@link ResponseFraming}), streaming both ways with
 * backpressure, the response timeout ({@link ExchangeTimer}), and the metrics and access-log line
 * at the end ({@link RequestLog}).
 *
 * <p>Runs entirely on the client channel's event loop; the upstream connection is opened on the
 * same loop. Ownership: request contents received are written upstream (the write owns them) or
 * held in {@link #heldRequest} (in memory, or spooled to a file and released) until the upstream
 * connection is ready and has taken what was held before them; response objects received are
 * written to the client, released, or held in {@link #heldResponse} while a {@link ResponseCheck}
 * (the XSS check, the transaction's response-body phase) judges the prefix. Every path out
 * ({@link #finish}) releases what is held and closes the transaction once.
 */
final class Exchange implements UpstreamListener, ExchangeTimer.Owner {
    private final ProxyFrontendHandler frontend;
    private final ChannelHandlerContext ctx;
    private final FrontendContext shared;
    private final boolean http2;
    /** The request body held back from the upstream (memory, then a spool file); made in {@link #start}. */
    private HeldRequest heldRequest;
    /** The response head and contents held while {@link #responseCheck} judges the body prefix. */
    private final Held<HttpObject> heldResponse = new Held<>();

    private final RequestLog log;
    private final String requestId;
    private final InetAddress client;
    private final String clientIp;
    private final String method;
    private final String logPath;
    private final boolean head;
    private final boolean clientHttp11;
    private final boolean clientKeepAlive;

    private Routing routing;
    private LimitsConfig limits;
    private RouteConfig route;
    private UpstreamGroup group;
    private HttpRequest upstreamRequest;
    private UpstreamFraming framing;
    private boolean websocket;
    private boolean expectContinue;
    private UpstreamAttempts attempts;
    private ExchangeTimer timer;
    /** Where this exchange is; moved only by {@link #to}. */
    private ExchangeState state = ExchangeState.HEAD;
    private UpstreamConnection conn;
    private RequestGuard guard;
    /** The XSS check and/or the transaction's response-body phase, or null when the response streams unheld. */
    private ResponseCheck responseCheck;
    /** The request's edge transaction; null when no participant opened a step (nothing to do). */
    private EdgeRequest edge;
    /** What blocked this request, for the transaction's close; null when nothing Pincer did blocked it. */
    private String blockSource;
    /** Every finding the request was marked suspect for, logged once when it ends; null while none. */
    private List<Finding> suspects;
    /** True once Pincer answered the request itself. */
    private boolean answeredLocally;

    private boolean requestComplete;
    private boolean requestWritten;
    private boolean upstreamNeedsFlush;
    /** In {@link #drainHeld}: a writability change during its flush loops there instead of recursing. */
    private boolean draining;
    private boolean drainAgain;
    private long bodyBytes;
    private boolean responseStarted;
    private boolean informational;
    private boolean forwardingInterim;
    private boolean upgrading;
    private boolean upstreamKeepAlive;
    private boolean closeClient;
    private int status;
    private long bytesOut;
    private long upstreamStart;
    private ChannelFuture lastWrite;

    Exchange(ProxyFrontendHandler frontend, ChannelHandlerContext ctx, FrontendContext shared, HttpRequest request,
             boolean http2, String requestId, InetAddress client) {
        this.frontend = frontend;
        this.ctx = ctx;
        this.shared = shared;
        this.http2 = http2;
        this.requestId = requestId;
        this.client = client;
        this.clientIp = ClientAddress.text(client);
        this.method = request.method().name();
        this.log = new RequestLog(requestId, clientIp, method, request.uri(),
                http2 ? "HTTP/2" : request.protocolVersion().text());
        this.logPath = log.path;
        this.head = HttpMethod.HEAD.equals(request.method());
        this.clientHttp11 = http2 || request.protocolVersion().equals(HttpVersion.HTTP_1_1);
        this.clientKeepAlive = http2 || HttpUtil.isKeepAlive(request);
    }

    boolean requestComplete() {
        return requestComplete;
    }

    /** Routes and rewrites the request, then connects upstream. Takes ownership of {@code request}. */
    void start(HttpRequest request, InetAddress peer, boolean peerTrusted, String scheme) {
        shared.exchangeStarted();
        routing = shared.routing();
        limits = routing.config().limits();
        heldRequest = new HeldRequest(shared.spool(), limits);
        HttpRequest head = request;
        if (request instanceof FullHttpRequest full) {
            // HTTP/2 HEADERS with END_STREAM: keep a plain head so it can be written again on retry.
            head = new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri(), full.headers());
            bodyBytes = full.content().readableBytes();
            full.release();
            requestComplete = true;
            if (bodyBytes != 0) {
                failLocal(HttpResponseStatus.BAD_REQUEST, "malformed request", "malformed");
                return;
            }
        }
        if (http2 && !withinHttp2Limits(head)) {
            return;
        }
        if (HttpMethod.CONNECT.equals(head.method())) {
            failLocal(HttpResponseStatus.METHOD_NOT_ALLOWED, "CONNECT is not supported", "connect");
            return;
        }
        String uri = head.uri();
        String authority = RequestTarget.authority(uri);
        if (authority == null) {
            authority = head.headers().get(HttpHeaderNames.HOST, "");
        } else {
            head.headers().set(HttpHeaderNames.HOST, authority);
        }
        String originForm = RequestTarget.originForm(uri);
        route = routing.route(RequestTarget.hostOnly(authority), RequestTarget.routingPath(originForm));
        SinkGuard sinks = route == null ? null : shared.sinkGuard();
        RequestHead model = openTransaction(head, peer, sinks);
        if (edge != null && !act(edge.head())) {
            return; // answered before any upstream connection
        }
        if (route == null) {
            failLocal(HttpResponseStatus.NOT_FOUND, "no route for this host and path", "no_route");
            return;
        }
        group = routing.upstream(route.upstream());
        timer = new ExchangeTimer(ctx.executor(), this, group.config().responseTimeout().toNanos(),
                limits.clientIdleTimeout().toNanos());
        if (!expectation(head)) {
            return;
        }
        framing = UpstreamFraming.decide(head, http2, requestComplete);
        if (framing == null) {
            reject(RejectReason.BAD_CONTENT_LENGTH);
            return;
        }
        boolean chunked = framing.chunked();
        websocket = !http2 && RequestHeadRules.webSocketUpgrade(head);
        boolean body = !requestComplete && (http2 || chunked || HttpUtil.getContentLength(head, 0L) > 0);
        if (sinks != null) {
            guard = sinks.open(head, model, edge == null ? sinks.extractHead(model) : edge.inputs(), requestId,
                    clientIp, logPath, body, route, metrics());
            if (edge != null) {
                edge.opened(guard);
            }
            if (guard.rejection() != null) {
                incomplete(guard.rejection()); // before any upstream connection is made
                return;
            }
        }
        if (edge != null) {
            List<String> types = head.headers().getAll(HttpHeaderNames.CONTENT_TYPE);
            if (!act(edge.startBody(body, types.size() == 1 ? types.get(0) : null, holdBytes(), limits.maxBodyBytes(),
                    sinks == null ? routing.protection().extractor() : null, model))) {
                return;
            }
        }
        ForwardHeaders.toUpstream(head.headers(), ClientAddress.text(peer), clientIp, peerTrusted, scheme,
                authority, requestId, websocket);
        if (guard != null) {
            head.headers().set(ForwardHeaders.X_PINCER_CONTEXT, guard.headerValue());
        }
        head.setUri(originForm);
        head.setProtocolVersion(HttpVersion.HTTP_1_1);
        framing.apply(head.headers()); // last: nothing the client sent decides the upstream framing
        upstreamRequest = head;
        attempts = new UpstreamAttempts(group);
        if ((guard != null && guard.bodyPending()) || (edge != null && edge.holdsBody())) {
            holdBody(); // inspect the body prefix before the app sees any of the request
            return;
        }
        connectNext();
    }

    /**
     * Opens the request's transaction with the route's participants (none: no transaction, no
     * cost), with the inputs extracted once when the correlator or a step reads them; returns the
     * request's model, or null when nothing needs one.
     */
    private RequestHead openTransaction(HttpRequest head, InetAddress peer, SinkGuard sinks) {
        Protection protection = routing.protection();
        List<Participant> participants = protection.participants(route);
        if (participants.isEmpty()) {
            return sinks == null ? null : SinkGuard.model(head);
        }
        RequestHead model = SinkGuard.model(head);
        edge = EdgeRequest.open(participants, requestId, peer, client, routing.metrics(route).route(), model,
                sinks == null ? null : sinks.extractHead(model), protection.extractor(), policy(sinks));
        return model;
    }

    /**
     * The request's edge policy ({@link Policy#edge}): the route's mode and whether a sensor is
     * connected to confirm a sink-covered finding decide whether a step's block stands, becomes a
     * suspect, or (monitor) is only logged, as {@code "action": "monitor"}, and nothing is blocked.
     */
    private UnaryOperator<Outcome> policy(SinkGuard sinks) {
        ProtectionConfig.Mode mode = routing.config().protection().mode(route);
        boolean sensor = sinks != null && sinks.correlator().connectedSensors() > 0;
        return o -> switch (Policy.edge(mode, o, sensor)) {
            case BLOCK -> o;
            case SUSPECT -> o.kind() == Outcome.Kind.SUSPECT ? o : Outcome.suspect(o.findings());
            case LOG_ONLY, FORWARD -> {
                EdgeEvents.observed(o, edge == null ? null : edge.anomalyScore(), eventRequest());
                yield Outcome.CONTINUE;
            }
        };
    }

    /** The body prefix inspection reads: the correlator's, else the edge's. */
    private int holdBytes() {
        return guard != null ? guard.holdBytes() : routing.protection().bodyPrefixBytes();
    }

    /**
     * The most body bytes held before forwarding: the prefix, or what the edge's steps asked for
     * (an upload the rules parse whole, up to SecRequestBodyLimit and {@code limits.max_body_bytes}),
     * spooled to disk past {@code limits.body_memory_bytes}.
     */
    private long holdLimit() {
        long prefix = holdBytes();
        return edge != null && edge.holdsBody() ? Math.max(prefix, edge.holdLimit()) : prefix;
    }

    /**
     * Acts on a phase's outcome: CONTINUE goes on; SUSPECT is logged and marks the correlator's
     * context (the sinks confirm or the request clears); BLOCK is logged and counted, and answers
     * the outcome's status with its headers (or cuts a response that already went out). Returns
     * false when the request was blocked.
     */
    private boolean act(Outcome o) {
        if (o.kind() == Outcome.Kind.CONTINUE) {
            return true;
        }
        if (!o.blocks()) {
            if (suspects == null) {
                suspects = new ArrayList<>(o.findings());
            } else {
                suspects.addAll(o.findings());
            }
            edge.suspect(EdgeEvents.ruleIds(o.findings()), guard);
            return true;
        }
        EdgeEvents.blocked(metrics(), o, responseSent(), edge.anomalyScore(), eventRequest());
        blockSource = o.findings().get(0).control();
        if (responseSent()) {
            finish(false, false);
            frontend.closeNow();
            return false;
        }
        this.status = o.status();
        answeredLocally = true;
        finish(false, false);
        frontend.respondLocally(HttpResponseStatus.valueOf(o.status()), "blocked by Pincer", requestId, head,
                o.headers());
        return false;
    }

    private boolean withinHttp2Limits(HttpRequest head) {
        RejectReason refused = RequestHeadRules.http2(head, limits);
        if (refused != null) {
            reject(refused);
            return false;
        }
        return true;
    }

    /** RFC 9110 §10.1.1: we answer {@code 100-continue} ourselves (once connected, or when holding the body). */
    private boolean expectation(HttpRequest head) {
        RequestHeadRules.Expectation e = RequestHeadRules.expectation(head, clientHttp11);
        if (e == RequestHeadRules.Expectation.UNSUPPORTED) {
            failLocal(HttpResponseStatus.EXPECTATION_FAILED, "unsupported expectation", "expectation");
            return false;
        }
        expectContinue = e == RequestHeadRules.Expectation.CONTINUE && !requestComplete;
        return true;
    }

    /**
     * Holds the request while inspection reads its body prefix: no upstream connection is leased
     * yet, {@code 100-continue} is answered locally so the client sends the body, and the client is
     * read until inspection has decided or {@link #holdLimit()} bytes are held (in memory up to
     * {@code limits.body_memory_bytes}, spooled to a file beyond, see {@link HeldRequest}). A request
     * rejected as incomplete then never reaches the app; a slow body holds no upstream connection
     * (the body read timeout bounds it).
     */
    private void holdBody() {
        to(ExchangeState.HOLDING_BODY);
        if (expectContinue) {
            expectContinue = false;
            frontend.writeInterim(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        ctx.read();
    }

    /** After a held content: connect once inspection has decided or the hold is full, else read on. */
    private void holdOrRelease() {
        boolean pending = (guard != null && guard.bodyPending()) || (edge != null && edge.bodyPending());
        // at the limit one more content is read: the body's end (an empty last content), or a cut
        if (pending && !requestComplete && heldRequest.bytes() <= holdLimit()) {
            ctx.read();
            return;
        }
        if (edge != null && edge.bodyPending() && !act(edge.end(false, bodyInputs()))) {
            return; // the hold is full before the transaction's prefix: it decides on what it has
        }
        connectNext();
    }

    /** The correlator's inputs with the body, once it extracted them; null without a correlator or before. */
    private RequestInputs bodyInputs() {
        return guard == null ? null : guard.bodyInputs();
    }

    // ---------------------------------------------------------------- upstream connection

    private void connectNext() {
        to(ExchangeState.CONNECTING);
        Future<UpstreamConnection> next = attempts.next(ctx.channel().eventLoop());
        if (next == null) {
            boolean exhausted = attempts.exhausted();
            failLocal(exhausted ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.BAD_GATEWAY,
                    exhausted ? "upstream connection limit reached" : "upstream unavailable", null);
            return;
        }
        next.addListener(this::onConnected);
    }

    private void onConnected(Future<? super UpstreamConnection> f) {
        if (state == ExchangeState.DONE) {
            if (f.isSuccess()) {
                ((UpstreamConnection) f.getNow()).release(true);
            }
            return;
        }
        if (!f.isSuccess()) {
            boolean exhausted = attempts.failed(f.cause());
            metrics().upstreamErrors.labels(group.name(), exhausted ? "pool_exhausted" : "connect").inc();
            connectNext();
            return;
        }
        conn = (UpstreamConnection) f.getNow();
        to(ExchangeState.STREAMING_REQUEST);
        conn.attach(this);
        sendHead();
    }

    private void sendHead() {
        Channel up = conn.channel();
        if (expectContinue) {
            expectContinue = false;
            frontend.writeInterim(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        if (!upstreamRequest.headers().contains(HttpHeaderNames.HOST)) {
            upstreamRequest.headers().set(HttpHeaderNames.HOST, attempts.server()); // an HTTP/1.0 client sent none
        }
        upstreamStart = System.nanoTime();
        if ((guard != null && route.xss().enabled() && guard.inputsCarryMarkup())
                || (edge != null && edge.needsResponseBody())) {
            AcceptEncoding.restrict(upstreamRequest.headers()); // so the response can be judged
        }
        up.write(upstreamRequest, up.voidPromise());
        if (requestComplete && bodyBytes == 0 && heldRequest.isEmpty()) {
            writeUpstream(LastHttpContent.EMPTY_LAST_CONTENT); // a retry, or an HTTP/2 request without body
        }
        if (drainHeld() && conn != null) {
            up.read();
        }
    }

    /**
     * Writes the held body upstream: what is in memory at once, spooled chunks while the upstream
     * is writable (the rest on its writability, {@link #onUpstreamWritabilityChanged}); the client
     * is read again only once nothing is held. False when the spool could not be read back (the
     * exchange ended: the upstream got a partial body and its connection is closed).
     */
    private boolean drainHeld() {
        if (draining) {
            drainAgain = true; // the flush below made the upstream writable again: the outer loop goes on
            return true;
        }
        draining = true;
        try {
            do {
                drainAgain = false;
                Channel up = conn.channel();
                HttpContent c;
                while (state != ExchangeState.DONE && (c = heldRequest.next(up.alloc(), up.isWritable())) != null) {
                    writeUpstream(c); // a write that fails at once may end the exchange: checked above
                }
                flushUpstream();
            } while (drainAgain && conn != null && state != ExchangeState.DONE);
        } catch (java.io.UncheckedIOException e) {
            spoolFailed("io");
            return false;
        } finally {
            draining = false;
        }
        return true;
    }

    private void writeUpstream(HttpContent c) {
        conn.channel().write(c, conn.channel().voidPromise());
        upstreamNeedsFlush = true;
        if (c instanceof LastHttpContent) {
            requestWritten = true;
            if (state == ExchangeState.STREAMING_REQUEST) {
                to(ExchangeState.AWAITING_RESPONSE);
            }
            timer.arm();
        }
    }

    /** Flushes request bytes written upstream and asks the client for more if upstream can take it. */
    void flushUpstream() {
        if (conn == null) {
            return;
        }
        if (upstreamNeedsFlush) {
            upstreamNeedsFlush = false;
            conn.channel().flush();
        }
        if (conn != null && !requestComplete && conn.channel().isWritable() && heldRequest.isEmpty()) {
            ctx.read(); // conn is null when the flush ended the exchange (a write failed at once)
        }
    }

    // ---------------------------------------------------------------- client side input

    void onClientMessage(Object msg) {
        if (state == ExchangeState.DONE) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRejection r) {
            reject(r.reason());
            return;
        }
        if (!(msg instanceof HttpContent c)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        bodyBytes += c.content().readableBytes();
        if (http2 && bodyBytes > limits.maxBodyBytes()) {
            c.release();
            reject(RejectReason.BODY_TOO_LARGE);
            return;
        }
        if (http2 && !framing.allows(bodyBytes, c instanceof LastHttpContent)) {
            c.release(); // DATA that disagrees with the stream's content-length (RFC 9113 §8.1.1)
            reject(RejectReason.BAD_CONTENT_LENGTH);
            return;
        }
        if (c instanceof LastHttpContent) {
            requestComplete = true;
        }
        // The context is complete before the app sees the bytes; an incomplete request's crossing
        // bytes are never forwarded under reject.
        if (guard != null && !guard.onBody(c.content(), requestComplete, edge == null ? null : edge.bodyViews())) {
            c.release();
            incomplete(guard.rejection());
            return;
        }
        if (edge != null && !act(edge.onBody(c.content(), requestComplete, bodyInputs()))) {
            c.release(); // blocked: nothing more of the request reaches the app
            return;
        }
        if (conn == null || !heldRequest.isEmpty()) {
            // counted only while held for inspection: the hold limit bounds what waits for it
            String refused = heldRequest.add(c, state == ExchangeState.HOLDING_BODY);
            if (refused != null) {
                spoolFailed(refused);
            } else if (state == ExchangeState.HOLDING_BODY) {
                holdOrRelease();
            } else if (conn != null) {
                drainHeld(); // behind what is still held: the body goes up in order
            }
        } else {
            writeUpstream(c);
        }
    }

    /** The client can take more response bytes. */
    void clientWritable() {
        if (conn != null && responseStarted && state != ExchangeState.DONE) {
            long now = System.nanoTime();
            timer.upstreamActive(now); // the upstream was paused for the client, not idle
            timer.clientProgress(now);
            conn.channel().read();
        }
    }

    void clientClosed() {
        if (state == ExchangeState.DONE) {
            return;
        }
        status = responseStarted ? status : 499; // nginx's "client closed request", for the log only
        finish(false, false);
    }

    private void reject(RejectReason reason) {
        metrics().rejected.labels(reason.label()).inc();
        if (responseSent()) {
            finish(false, false);
            frontend.closeNow();
            return;
        }
        failLocal(reason.status(), reason.label().replace('_', ' '), null);
    }

    // ---------------------------------------------------------------- upstream side input

    @Override
    public void onUpstreamMessage(HttpObject msg) {
        if (state == ExchangeState.DONE) {
            ReferenceCountUtil.release(msg);
            return;
        }
        timer.upstreamActive(System.nanoTime());
        if (msg.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            metrics().upstreamErrors.labels(group.name(), "invalid_response").inc();
            upstreamFailed(HttpResponseStatus.BAD_GATEWAY, "invalid response from upstream");
            return;
        }
        if (guard != null && guard.blocked()) {
            ReferenceCountUtil.release(msg);
            blockedAtSink();
            return;
        }
        if (msg instanceof HttpResponse r) {
            int code = r.status().code();
            if (code / 100 == 1 && code != 101) {
                interim(r);
                return;
            }
            if (code == 101) {
                if (!websocket) {
                    ReferenceCountUtil.release(msg);
                    upstreamFailed(HttpResponseStatus.BAD_GATEWAY, "unexpected protocol switch from upstream");
                    return;
                }
                upgrading = true;
            }
            if (!responseHead(r)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (!(msg instanceof HttpContent)) {
                return;
            }
        }
        HttpContent c = (HttpContent) msg;
        if (informational) {
            informational = !(c instanceof LastHttpContent);
            if (forwardingInterim) {
                ctx.write(c);
            } else {
                c.release();
            }
            return;
        }
        if (upgrading) {
            c.release();
            if (c instanceof LastHttpContent) {
                switchToTunnel();
            }
            return;
        }
        if (responseCheck != null) {
            checked(c);
            return;
        }
        bytesOut += c.content().readableBytes();
        timer.clientProgress(timer.lastUpstreamActivity());
        lastWrite = ctx.write(c);
        if (c instanceof LastHttpContent) {
            finish(true, true);
        }
    }

    /** True when anything of the upstream's response went to the client (not while it is held). */
    private boolean responseSent() {
        return responseStarted && state != ExchangeState.HOLDING_RESPONSE;
    }

    /**
     * Runs a response content through the XSS check; the content joins the held ones. While the
     * prefix is judged nothing is forwarded; then the held head and contents go out unchanged as
     * far as the check releases them, or a 403 replaces them all (before the head went out) or the
     * response is cut (after).
     */
    private void checked(HttpContent c) {
        ResponseCheck.Step step = responseCheck.onContent(c.content(), c instanceof LastHttpContent);
        if (heldResponse.peekLast() != c) {
            heldResponse.add(c, 0);
        }
        if (step == ResponseCheck.Step.HOLD) {
            return;
        }
        if (step == ResponseCheck.Step.BLOCK && edge != null && edge.blocked() != null) {
            act(edge.blocked()); // the transaction's response-body phase; finish releases what is held
            return;
        }
        if (step == ResponseCheck.Step.BLOCK) {
            blockSource = "response";
        }
        if (step == ResponseCheck.Step.BLOCK && state == ExchangeState.HOLDING_RESPONSE) {
            failLocal(HttpResponseStatus.FORBIDDEN, "blocked by Pincer: this response reflects a request input as markup",
                    null);
            return;
        }
        if (step == ResponseCheck.Step.BLOCK) {
            finish(false, false); // the head went out: cut, never completed; finish releases what is held
            frontend.closeNow();
            return;
        }
        releaseHeld(responseCheck.releasable());
    }

    /** Forwards the held head, if still held, and the {@code contents} oldest held contents, as the upstream sent them. */
    private void releaseHeld(int contents) {
        boolean last = false;
        int left = contents;
        if (state == ExchangeState.HOLDING_RESPONSE) {
            to(ExchangeState.STREAMING_RESPONSE);
            frontend.answeringHead(head);
            HttpObject h = heldResponse.poll();
            if (h instanceof HttpContent hc) { // a FullHttpResponse: head and content in one
                bytesOut += hc.content().readableBytes();
                last = h instanceof LastHttpContent;
                left--;
            }
            lastWrite = ctx.write(h);
        }
        for (; left > 0 && !heldResponse.isEmpty(); left--) {
            HttpContent hc = (HttpContent) heldResponse.poll();
            bytesOut += hc.content().readableBytes();
            last |= hc instanceof LastHttpContent;
            lastWrite = ctx.write(hc);
        }
        timer.clientProgress(timer.lastUpstreamActivity());
        if (last) {
            finish(true, true);
        } else {
            ctx.flush();
        }
    }

    /**
     * RFC 9110 §15.2: 1xx responses are forwarded to HTTP/1.1 clients (103 Early Hints, say), except
     * 100 Continue, which the proxy answers itself. HTTP/1.0 clients cannot receive them, and over
     * HTTP/2 only 100 is carried, so there they end here.
     */
    private void interim(HttpResponse r) {
        informational = true;
        int code = r.status().code();
        forwardingInterim = code != 100 && clientHttp11 && !http2;
        if (!forwardingInterim) {
            ReferenceCountUtil.release(r);
            return;
        }
        ForwardHeaders.toClient(r.headers(), requestId);
        r.setProtocolVersion(HttpVersion.HTTP_1_1);
        frontend.answeringHead(false);
        ctx.write(r);
    }

    /** Takes the response head; false when the transaction's response-head phase blocked it (not released). */
    private boolean responseHead(HttpResponse r) {
        int code = r.status().code();
        group.observeUpstreamDuration(System.nanoTime() - upstreamStart);
        if (edge != null && code != 101 && !act(edge.responseHead(r))) {
            return false; // nothing of the response went out: the block replaced it
        }
        responseStarted = true;
        status = code;
        upstreamKeepAlive = HttpUtil.isKeepAlive(r);
        closeClient = ResponseFraming.toClient(r, requestId, head, http2, clientHttp11,
                !clientKeepAlive || !requestComplete || shared.draining());
        if (guard != null && code != 101) {
            responseCheck = guard.checkResponse(r, route.xss(), head, metrics());
        }
        ResponseCheck edgeCheck = edge == null ? null
                : edge.responseCheck(code, head, routing.protection().bodyPrefixBytes(),
                        r.headers().getAll(HttpHeaderNames.CONTENT_ENCODING), this::act);
        if (edgeCheck != null) {
            responseCheck = responseCheck == null ? edgeCheck : ResponseCheck.both(responseCheck, edgeCheck);
        }
        if (responseCheck != null) {
            to(ExchangeState.HOLDING_RESPONSE); // written with the first contents once the prefix is judged
            heldResponse.add(r, 0);
            return true;
        }
        to(ExchangeState.STREAMING_RESPONSE);
        frontend.answeringHead(head);
        timer.clientProgress(timer.lastUpstreamActivity());
        lastWrite = ctx.write(r);
        return true;
    }

    @Override
    public void onUpstreamReadComplete() {
        ctx.flush();
        if (state != ExchangeState.DONE && conn != null && ctx.channel().isWritable()) {
            conn.channel().read();
        }
    }

    @Override
    public void onUpstreamWritabilityChanged(boolean writable) {
        if (!writable || state == ExchangeState.DONE) {
            return;
        }
        if (conn != null && !heldRequest.isEmpty()) {
            drainHeld(); // reads the client again once the held body is all up
        } else if (!requestComplete) {
            ctx.read();
        }
    }

    @Override
    public void onUpstreamClosed(Throwable cause) {
        if (state == ExchangeState.DONE) {
            return;
        }
        UpstreamConnection dead = conn;
        conn = null;
        if (dead != null) {
            dead.release(false);
        }
        if (!responseStarted && dead != null && dead.reused() && requestComplete && bodyBytes == 0
                && attempts.retryStale()) {
            timer.cancel(); // a pooled connection the server had closed: replay the body-less request
            requestWritten = false;
            connectNext();
            return;
        }
        metrics().upstreamErrors.labels(group.name(), "reset").inc();
        upstreamFailed(HttpResponseStatus.BAD_GATEWAY, "upstream closed the connection");
    }

    private void upstreamFailed(HttpResponseStatus status, String why) {
        if (!responseSent()) {
            failLocal(status, why, null);
            return;
        }
        finish(false, false);
        frontend.closeNow();
    }

    // ---------------------------------------------------------------- timers

    @Override
    public boolean active() {
        return state != ExchangeState.DONE;
    }

    @Override
    public boolean waitingOnClient() {
        return responseStarted && !ctx.channel().isWritable();
    }

    @Override
    public void clientStalled() {
        finish(false, false);
        frontend.closeNow();
    }

    @Override
    public void upstreamTimedOut() {
        metrics().upstreamErrors.labels(group.name(), "timeout").inc();
        upstreamFailed(HttpResponseStatus.GATEWAY_TIMEOUT, "upstream timed out");
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
        }
    }

    // ---------------------------------------------------------------- endings

    private void switchToTunnel() {
        UpstreamConnection c = conn;
        conn = null;
        c.handOver();
        ctx.flush();
        status = 101;
        account();
        to(ExchangeState.DONE);
        cancelTimer();
        if (edge != null) {
            edge.close(Disposition.answered(101));
        }
        shared.exchangeEnded();
        frontend.tunnel(c.channel());
    }

    /**
     * A sink call of this request was blocked by the correlator: the app's response never reaches
     * the client. Before the response started it is replaced by a 403 naming the request id; after,
     * the response is cut off, so a client never mistakes a partial response for a whole one.
     */
    private void blockedAtSink() {
        metrics().blocked.labels(guard.sinkStopped() ? "sink" : "sink_late").inc();
        blockSource = guard.sinkStopped() ? "correlator" : null; // a fail-open late verdict is not a block
        if (responseSent()) {
            finish(false, false);
            frontend.closeNow();
            return;
        }
        failLocal(HttpResponseStatus.FORBIDDEN, "blocked by Pincer: this request's input reached a sink as an attack",
                null);
    }

    /**
     * The request was rejected as incomplete (413 or 400): answered locally if no response started,
     * else cut off; either way the upstream connection, if any, is closed, never pooled.
     */
    private void incomplete(HttpResponseStatus status) {
        blockSource = "incomplete";
        if (responseSent()) {
            finish(false, false);
            frontend.closeNow();
            return;
        }
        failLocal(status, "request not inspectable within Pincer's limits", null);
    }

    /**
     * The held body could not be spooled ({@code cap}: the global {@code limits.body_spool_max_bytes}
     * is reached; {@code io}: the spool directory failed) or read back: answered 503, since the
     * request is not too large, Pincer is out of room for it now; counted in
     * {@code pincer_body_spool_refused_total{reason}}. Nothing more of it reaches the app, and an
     * upstream connection that carried its beginning is closed, never pooled.
     */
    private void spoolFailed(String reason) {
        if (state == ExchangeState.DONE) {
            return; // ended meanwhile (its end closed the file): nothing to answer
        }
        metrics().bodySpoolRefused.labels(reason).inc();
        if (responseSent()) {
            finish(false, false);
            frontend.closeNow();
            return;
        }
        failLocal(HttpResponseStatus.SERVICE_UNAVAILABLE, "request body cannot be held for inspection now", null);
    }

    /** Answers locally: only before any response byte went out. */
    private void failLocal(HttpResponseStatus status, String why, String rejectLabel) {
        this.status = status.code();
        answeredLocally = true;
        if (rejectLabel != null) {
            metrics().rejected.labels(rejectLabel).inc();
        }
        finish(false, false);
        frontend.respondLocally(status, why, requestId, head);
    }

    /**
     * Ends the exchange exactly once: timers off, held contents released, the upstream connection
     * pooled or closed, the line logged, and the frontend told whether the connection lives on.
     */
    private void finish(boolean completed, boolean notifyFrontend) {
        if (state == ExchangeState.DONE) {
            return;
        }
        to(ExchangeState.DONE);
        cancelTimer();
        if (edge != null) {
            int told = responseStarted || answeredLocally ? status : 0;
            if (suspects != null) {
                EdgeEvents.suspectEnded(suspects, suspectOutcome(completed), edge.anomalyScore(), eventRequest(),
                        told > 0 && !(responseStarted && !completed) ? told : null);
            }
            edge.close(blockSource != null ? Disposition.blockedBy(blockSource, told) : Disposition.answered(told));
        }
        if (guard != null) {
            guard.close();
        }
        if (heldRequest != null) {
            heldRequest.releaseAll(); // closes a spool file: its bytes are gone with it
        }
        heldResponse.releaseAll();
        if (responseCheck != null) {
            responseCheck.close();
        }
        if (conn != null) {
            conn.release(completed && upstreamKeepAlive && requestWritten);
            conn = null;
        }
        account();
        shared.exchangeEnded();
        if (notifyFrontend) {
            ctx.flush();
            frontend.exchangeDone(!closeClient, lastWrite);
        }
    }

    /** What became of a request marked suspect, for its event (see {@link EdgeEvents}). */
    private String suspectOutcome(boolean completed) {
        if ("correlator".equals(blockSource)) {
            return "confirmed";
        }
        if (blockSource != null) {
            return "blocked";
        }
        return completed ? "cleared" : "aborted";
    }

    private EdgeEvents.Request eventRequest() {
        return new EdgeEvents.Request(requestId, clientIp, method, logPath);
    }

    private void account() {
        log.record(routing, route, group, attempts == null ? null : attempts.server(), status, bodyBytes, bytesOut);
    }

    /** The one place the state moves; the table is {@link ExchangeState#canGo}. */
    private void to(ExchangeState next) {
        assert state.canGo(next) : state + " -> " + next;
        state = next;
    }

    private ProxyMetrics metrics() {
        return shared.metrics();
    }
}
