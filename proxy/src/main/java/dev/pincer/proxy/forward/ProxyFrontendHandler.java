package dev.pincer.proxy.forward;

import dev.pincer.config.UnderscoreHeaders;
import dev.pincer.proxy.http1.HttpRejection;
import dev.pincer.proxy.http1.RejectReason;
import dev.pincer.proxy.log.AccessLog;
import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the proxy: one per HTTP/1.1 connection, or one per HTTP/2 stream.
 *
 * <p>Pipeline, HTTP/1: {@code [TLS] -> ServerResponseEncoder -> StrictHttpRequestDecoder ->
 * HeadTimeoutHandler -> IdleStateHandler -> ProxyFrontendHandler}. HTTP/2 stream:
 * {@code Http2StreamFrameToHttpObjectCodec -> ProxyFrontendHandler}.
 *
 * <p>Auto-read is off (RFC 9112 §9.3.2 pipelining is honoured by answering in order): the handler
 * reads when it is idle, or when the upstream can take more of the current request body. Messages
 * that arrive for a later pipelined request wait in {@link #pending} until the current exchange
 * ends; at most one socket read's worth can be there.
 *
 * <p>Ownership: each message received is handed to the current {@link Exchange}, queued in
 * {@link #pending}, or released here; pending messages are released when the connection closes.
 */
public final class ProxyFrontendHandler extends ChannelInboundHandlerAdapter {
    /** User event: the server is shutting down; close if idle, else after the current response. */
    public static final Object DRAIN = new Object();
    private static final Logger log = LoggerFactory.getLogger(ProxyFrontendHandler.class);

    private final FrontendContext shared;
    private final String scheme;
    private final ServerResponseEncoder encoder;
    private final UnderscoreHeaders underscores;
    private final ArrayDeque<Object> pending = new ArrayDeque<>(2);
    private ChannelHandlerContext ctx;
    private Exchange exchange;
    private boolean closing;

    /**
     * @param encoder the connection's response encoder (HTTP/1), or {@code null} on an HTTP/2 stream
     */
    public ProxyFrontendHandler(FrontendContext shared, String scheme, ServerResponseEncoder encoder) {
        this(shared, scheme, encoder, UnderscoreHeaders.DROP);
    }

    /**
     * @param encoder     the connection's response encoder (HTTP/1), or {@code null} on an HTTP/2 stream
     * @param underscores the listener's {@code underscore_headers} policy
     */
    public ProxyFrontendHandler(FrontendContext shared, String scheme, ServerResponseEncoder encoder,
                                UnderscoreHeaders underscores) {
        this.shared = shared;
        this.scheme = scheme;
        this.encoder = encoder;
        this.underscores = underscores;
    }

    private boolean http2() {
        return encoder == null;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (exchange != null && exchange.requestComplete()) {
            pending.add(msg);
            return;
        }
        dispatch(msg);
    }

    private void dispatch(Object msg) {
        if (exchange != null) {
            exchange.onClientMessage(msg);
        } else if (msg instanceof HttpRequest req) {
            startExchange(req);
        } else if (msg instanceof HttpRejection r) {
            rejected(r);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    /** A request refused by the decoder before it became a request: answered, counted, logged. */
    private void rejected(HttpRejection r) {
        ProxyMetrics m = shared.metrics();
        m.rejected.labels(r.reason().label()).inc();
        int status = r.reason().status().code();
        m.requests.labels("-", "OTHER", ProxyMetrics.statusClass(status)).inc();
        String id = RequestIds.next();
        log.debug("rejected request {} from {}: {} ({})", id, ctx.channel().remoteAddress(), r.reason(), r.detail());
        if (shared.routing().config().accessLog() && AccessLog.enabled()) {
            Channel tcp = http2() ? ctx.channel().parent() : ctx.channel();
            AccessLog.write(new AccessLog.Entry(id, ClientAddress.text(ClientAddress.peer(tcp.remoteAddress())),
                    "-", "-", http2() ? "HTTP/2" : "HTTP/1.1", status, 0, 0, 0, null, null, null));
        }
        respondLocally(r.reason().status(), r.reason().label().replace('_', ' '), id, false);
    }

    private void startExchange(HttpRequest req) {
        if (req.decoderResult().isFailure()) {
            ReferenceCountUtil.release(req);
            shared.metrics().rejected.labels(RejectReason.BAD_REQUEST_LINE.label()).inc();
            respondLocally(HttpResponseStatus.BAD_REQUEST, "malformed request", null, false);
            return;
        }
        if (!headerHygiene(req)) {
            return;
        }
        Channel tcp = http2() ? ctx.channel().parent() : ctx.channel();
        ClientAddress.Identity who = ClientAddress.resolve(tcp.remoteAddress(), req.headers(),
                shared.routing().config().trustedProxies());
        InetAddress peer = who.peer();
        boolean peerTrusted = who.peerTrusted();
        InetAddress client = who.client();
        String id = req.headers().get(ForwardHeaders.X_REQUEST_ID);
        if (!peerTrusted || !RequestIds.acceptable(id)) {
            id = RequestIds.next();
        }
        exchange = new Exchange(this, ctx, shared, req, http2(), id, client);
        exchange.start(req, peer, peerTrusted, scheme);
    }

    /** {@link ClientHeaders}, before anything reads the head; false when the request was refused. */
    private boolean headerHygiene(HttpRequest req) {
        ClientHeaders.stripConnectionNamed(req.headers());
        int dropped = ClientHeaders.underscores(req.headers(), underscores);
        if (dropped == ClientHeaders.REJECT) {
            ReferenceCountUtil.release(req);
            rejected(new HttpRejection(RejectReason.UNDERSCORE_HEADER, "header name with '_'"));
            return false;
        }
        if (dropped > 0) {
            shared.metrics().droppedHeaders.labels("underscore").inc(dropped);
        }
        return true;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.flushUpstream();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null && ctx.channel().isWritable()) {
            exchange.clientWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        releasePending();
        if (exchange != null) {
            Exchange e = exchange;
            exchange = null;
            e.clientClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent || evt == DRAIN) {
            if (exchange == null) {
                closeNow();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("client connection {} failed", ctx.channel(), cause);
        closeNow();
    }

    // ---------------------------------------------------------------- called by Exchange

    /**
     * The exchange wrote its last response byte. Either the connection goes on with the next
     * pipelined request (or a read for one), or it closes once {@code lastWrite} is done.
     */
    void exchangeDone(boolean keepAlive, ChannelFuture lastWrite) {
        exchange = null;
        if (http2()) {
            if (!keepAlive) {
                closeAfter(lastWrite);
            }
            return;
        }
        if (!keepAlive || shared.draining()) {
            closing = true;
            releasePending();
            closeAfter(lastWrite);
            return;
        }
        while (!closing && !pending.isEmpty() && (exchange == null || !exchange.requestComplete())) {
            dispatch(pending.poll());
        }
        if (exchange != null) {
            exchange.flushUpstream();
        } else if (!closing) {
            ctx.read();
        }
    }

    /** Writes an answer of Pincer's own and closes the connection (or stream) after it. */
    void respondLocally(HttpResponseStatus status, String why, String requestId, boolean headRequest) {
        respondLocally(status, why, requestId, headRequest, java.util.List.of());
    }

    /** The same with {@code extra} header fields (an edge block's {@code Retry-After}). */
    void respondLocally(HttpResponseStatus status, String why, String requestId, boolean headRequest,
                        java.util.List<dev.pincer.inspection.request.HeaderField> extra) {
        exchange = null;
        closing = true;
        releasePending();
        FullHttpResponse r = LocalResponses.of(ctx.alloc(), status, why, requestId, !http2(), extra);
        answeringHead(headRequest);
        closeAfter(ctx.writeAndFlush(r));
    }

    /** A 1xx interim response (100 Continue). */
    void writeInterim(FullHttpResponse r) {
        answeringHead(false);
        ctx.writeAndFlush(r);
    }

    void answeringHead(boolean head) {
        if (encoder != null) {
            encoder.answeringHead(head);
        }
    }

    void closeNow() {
        closing = true;
        releasePending();
        ctx.flush();
        ctx.close();
    }

    /**
     * After {@code 101 Switching Protocols}: this connection becomes a byte tunnel to
     * {@code upstream}. The HTTP handlers leave the pipeline; bytes the decoder already holds go
     * into the tunnel.
     */
    void tunnel(Channel upstream) {
        exchange = null;
        if (!pending.isEmpty()) { // the client spoke before the handshake finished: refuse
            closeNow();
            upstream.close();
            return;
        }
        ChannelPipeline client = ctx.pipeline();
        ChannelPipeline up = upstream.pipeline();
        up.replace("upstream", "tunnel", new TunnelHandler(ctx.channel()));
        up.remove("http");
        for (String name : new String[] {"head-timeout", "body-timeout", "idle"}) {
            if (client.get(name) != null) {
                client.remove(name);
            }
        }
        client.addAfter("decoder", "tunnel", new TunnelHandler(upstream));
        client.remove(this);
        client.remove("encoder");
        client.remove("decoder");
        upstream.closeFuture().addListener(f -> ctx.channel().close());
        ctx.channel().closeFuture().addListener(f -> upstream.close());
        upstream.read();
    }

    /**
     * Closes once {@code f} is done: an HTTP/2 stream at once, an HTTP/1.1 connection in stages
     * ({@link LingeringClose}) so that a client still sending a body reads the response first.
     */
    private void closeAfter(ChannelFuture f) {
        if (!http2()) {
            LingeringClose.after(ctx.channel(), f);
        } else if (f == null) {
            ctx.close();
        } else {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void releasePending() {
        Object m;
        while ((m = pending.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
    }
}
