package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ServerResponseEncoder}: RFC 9110 §9.3.2 (HEAD) and §15.2/§15.3.5/§15.4.5 (1xx, 204, 304) framing. */
class ServerResponseEncoderTest {
    private ServerResponseEncoder encoder;
    private EmbeddedChannel ch;

    @BeforeEach
    void setUp() {
        encoder = new ServerResponseEncoder();
        ch = new EmbeddedChannel(encoder);
    }

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
    }

    @Test
    void headResponseWithChunkedFramingWritesTheHeadOnly() {
        encoder.answeringHead(true);
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setTransferEncodingChunked(r, true);
        ch.writeAndFlush(r);
        ch.writeAndFlush(new DefaultHttpContent(ascii("should not go out")));
        ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);

        String out = drain();
        assertEquals("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n", out);
        assertFalse(out.contains("0\r\n\r\n0"));
    }

    @Test
    void headResponseWithContentLengthKeepsTheHeaderAndDropsTheBody() {
        encoder.answeringHead(true);
        DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                ascii("hello"));
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 5);
        ch.writeAndFlush(r);

        assertEquals("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n", drain());
        assertEquals(0, r.refCnt(), "the dropped body is released");
    }

    @Test
    void getResponseWithChunkedFramingEncodesChunksAndTheTerminator() {
        encoder.answeringHead(false);
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setTransferEncodingChunked(r, true);
        ch.write(r);
        ch.write(new DefaultHttpContent(ascii("hello")));
        ch.write(new DefaultHttpContent(ascii("world!")));
        ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);

        assertEquals("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\nworld!\r\n0\r\n\r\n", drain());
    }

    @Test
    void theHeadFlagAppliesPerResponseAndCanBeCleared() {
        encoder.answeringHead(true);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setTransferEncodingChunked(head, true);
        ch.write(head);
        ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n", drain());

        encoder.answeringHead(false);
        HttpResponse get = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setTransferEncodingChunked(get, true);
        ch.write(get);
        ch.write(new DefaultHttpContent(ascii("abc")));
        ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", drain());
    }

    @Test
    void interimResponseThenFinalResponseAreBothFramedCorrectly() {
        encoder.answeringHead(false);
        ch.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CREATED);
        HttpUtil.setTransferEncodingChunked(r, true);
        ch.write(r);
        ch.write(new DefaultHttpContent(ascii("ok")));
        ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);

        assertEquals("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 201 Created\r\ntransfer-encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", drain());
    }

    /** 204 and 304 never carry a body (RFC 9110 §15.3.5, §15.4.5), even when not answering HEAD. */
    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void bodylessStatusesWriteNoChunkTerminator(int code) {
        encoder.answeringHead(false);
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code));
        ch.write(r);
        ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);

        String out = drain();
        assertTrue(out.startsWith("HTTP/1.1 " + code + " "), out);
        assertTrue(out.endsWith("\r\n\r\n"), out);
        assertFalse(out.contains("\r\n\r\n0"), out);
        assertEquals(out.indexOf("\r\n\r\n") + 4, out.length(), "nothing after the head: " + out);
    }

    private String drain() {
        StringBuilder sb = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            sb.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return sb.toString();
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }
}
