package dev.pincer.proxy.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/**
 * Last handler of an upstream connection's pipeline ({@code HttpClientCodec -> UpstreamHandler}).
 * It hands everything to the exchange currently holding the connection.
 *
 * <p>Ownership: response objects are passed to the listener, which owns them. While the
 * connection sits idle in the pool there is no listener: anything it receives is released and the
 * connection is closed, since an unsolicited response means the connection is out of step.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {
    private UpstreamListener listener;
    private boolean closedReported;

    void attach(UpstreamListener l) {
        listener = l;
    }

    void detach() {
        listener = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        UpstreamListener l = listener;
        if (l == null || !(msg instanceof HttpObject)) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        l.onUpstreamMessage((HttpObject) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        UpstreamListener l = listener;
        if (l != null) {
            l.onUpstreamReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        UpstreamListener l = listener;
        if (l != null) {
            l.onUpstreamWritabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        report(null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        report(cause);
        ctx.close();
    }

    private void report(Throwable cause) {
        if (closedReported) {
            return;
        }
        closedReported = true;
        UpstreamListener l = listener;
        listener = null;
        if (l != null) {
            l.onUpstreamClosed(cause);
        }
    }
}
