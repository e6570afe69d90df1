package dev.pincer.proxy.ftw;

import dev.pincer.config.HostPort;
import dev.pincer.proxy.net.SmallHttpServer;
import dev.pincer.proxy.net.SmallServer;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The backend the CRS regression suite expects (its {@code albedo}): {@code POST /reflect} with a
 * JSON body {@code {"status":N,"headers":{...},"body":"...","encodedBody":"base64"}} is answered
 * with exactly that, so that the response-phase rules (95x) see the response a test describes;
 * every other request gets 200 with an empty body. Bodies up to 1 MiB. A test backend for
 * {@code pincer ftw}, not a production server.
 */
final class AlbedoServer implements AutoCloseable {
    private static final int MAX_BODY = 1024 * 1024;

    private final SmallServer server;

    private AlbedoServer(SmallServer server) {
        this.server = server;
    }

    static AlbedoServer start() throws InterruptedException {
        return new AlbedoServer(SmallHttpServer.bind("pincer-albedo", new HostPort("127.0.0.1", 0), MAX_BODY,
                (req, alloc) -> answer(req)));
    }

    InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }

    private static FullHttpResponse answer(FullHttpRequest req) {
        FullHttpResponse res = req.method().equals(HttpMethod.POST) && req.uri().startsWith("/reflect")
                ? reflect(req.content().toString(StandardCharsets.UTF_8))
                : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        if (!res.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, res.content().isReadable()
                    ? sniff(res.content().toString(StandardCharsets.ISO_8859_1)) : "text/plain; charset=utf-8");
        }
        return res;
    }

    /** The response a {@code /reflect} body describes; 400 for a body that is not such JSON. */
    static FullHttpResponse reflect(String json) {
        Map<?, ?> spec;
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(json);
            spec = doc instanceof Map<?, ?> m ? m : null;
        } catch (YamlEngineException e) {
            spec = null;
        }
        if (spec == null) {
            return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
        }
        int status = spec.get("status") instanceof Number n && n.intValue() >= 100 && n.intValue() <= 999 ? n.intValue() : 200;
        byte[] body = new byte[0];
        try {
            if (spec.get("encodedBody") != null) {
                body = Base64.getDecoder().decode(spec.get("encodedBody").toString());
            } else if (spec.get("body") != null) {
                body = spec.get("body").toString().getBytes(StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
        }
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        if (spec.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> h : headers.entrySet()) {
                try {
                    res.headers().add(String.valueOf(h.getKey()), String.valueOf(h.getValue()));
                } catch (IllegalArgumentException ignored) {
                    // a header Netty refuses to write is left out, as Go's net/http would
                }
            }
        }
        return res;
    }

    /** What Go's net/http answers when a handler sets no Content-Type (http.DetectContentType, roughly). */
    static String sniff(String body) {
        String start = body.substring(0, Math.min(body.length(), 512)).stripLeading().toLowerCase(Locale.ROOT);
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
                "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"}) {
            if (start.startsWith(tag) && start.length() > tag.length()
                    && (start.charAt(tag.length()) == ' ' || start.charAt(tag.length()) == '>')) {
                return "text/html; charset=utf-8";
            }
        }
        if (start.startsWith("<?xml")) {
            return "text/xml; charset=utf-8";
        }
        for (int i = 0; i < body.length(); i++) {
            char b = body.charAt(i);
            if (b < 0x09 || b == 0x0b || (b > 0x0d && b < 0x1b) || (b > 0x1b && b < 0x20)) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }
}
