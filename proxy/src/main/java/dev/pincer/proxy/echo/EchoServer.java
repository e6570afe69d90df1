package dev.pincer.proxy.echo;

import dev.pincer.config.HostPort;
import dev.pincer.proxy.net.SmallHttpServer;
import dev.pincer.proxy.net.SmallServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny upstream for demos and quick checks: answers every request with 200 and a plain-text
 * echo of its request line, headers and body (bodies up to 1 MiB), so that what Pincer forwards can
 * be seen with curl. Not a production server.
 */
public final class EchoServer implements AutoCloseable {
    private static final int MAX_BODY = 1024 * 1024;

    private final SmallServer server;

    private EchoServer(SmallServer server) {
        this.server = server;
    }

    public static EchoServer start(HostPort address) throws InterruptedException {
        return new EchoServer(SmallHttpServer.bind("pincer-echo", address, MAX_BODY, EchoServer::echo));
    }

    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }

    private static FullHttpResponse echo(FullHttpRequest req, ByteBufAllocator alloc) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(req.method()).append(' ').append(req.uri()).append(' ').append(req.protocolVersion()).append('\n');
        for (Map.Entry<String, String> h : req.headers()) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append('\n');
        }
        sb.append('\n');
        ByteBuf body = alloc.buffer();
        body.writeCharSequence(sb, StandardCharsets.UTF_8);
        body.writeBytes(req.content(), req.content().readerIndex(), req.content().readableBytes());
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return res;
    }
}
