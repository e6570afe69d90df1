package dev.pincer.proxy.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the corpus cannot show: events, buffer ownership, streaming, details, the public types. */
class StrictHttpRequestDecoderTest {

    private static final Http1Limits LIMITS = new Http1Limits(1024, 1024, 16, 1 << 20);

    /** Records messages and user events in one list, in the order they pass. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        final List<Object> seen = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            seen.add(msg instanceof HttpRequest ? "request " + ((HttpRequest) msg).uri()
                    : msg instanceof LastHttpContent ? "last"
                    : msg instanceof HttpContent ? "content" : msg);
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            seen.add(evt);
        }
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, CharsetUtil.ISO_8859_1);
    }

    @Test
    void headStartedPrecedesEachPipelinedRequest() {
        Recorder recorder = new Recorder();
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(LIMITS), recorder);
        ch.writeInbound(ascii("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\n"
                + "Content-Length: 1\r\n\r\nxGET /3 HTTP/1.1\r\nHo"));
        Object started = StrictHttpRequestDecoder.HEAD_STARTED;
        assertEquals(List.of(started, "request /1", "last", started, "request /2", "content", "last", started),
                recorder.seen);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void headStartedFiresOnFirstByteNotOnCompleteHead() {
        Recorder recorder = new Recorder();
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(LIMITS), recorder);
        ch.writeInbound(ascii("G"));
        assertEquals(List.of(StrictHttpRequestDecoder.HEAD_STARTED), recorder.seen);
        ch.writeInbound(ascii("ET / HTTP/1.1\r\n"));
        assertEquals(1, recorder.seen.size());
        assertFalse(ch.finishAndReleaseAll());
    }

    /** Body bytes are emitted as they arrive, as slices of the input, never held back. */
    @Test
    void streamsBodyAsItArrivesWithoutCopying() {
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(LIMITS));
        ch.writeInbound(ascii("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc"));
        HttpRequest request = ch.readInbound();
        assertEquals("10", request.headers().get("content-length"));
        HttpContent first = ch.readInbound();
        assertEquals("abc", first.content().toString(CharsetUtil.US_ASCII));
        assertNull(ch.readInbound());

        ByteBuf more = ascii("defghij");
        ch.writeInbound(more);
        HttpContent second = ch.readInbound();
        assertEquals("defghij", second.content().toString(CharsetUtil.US_ASCII));
        assertSame(LastHttpContent.EMPTY_LAST_CONTENT, ch.readInbound());
        first.release();
        second.release();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void chunkedBodyEmitsPartialChunks() {
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(LIMITS));
        ch.writeInbound(ascii("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123"));
        ReferenceCountUtil.release(ch.readInbound());
        HttpContent part = ch.readInbound();
        assertEquals("0123", part.content().toString(CharsetUtil.US_ASCII));
        part.release();
        ch.writeInbound(ascii("456789\r\n0\r\nX-T: v\r\n\r\n"));
        HttpContent rest = ch.readInbound();
        assertEquals("456789", rest.content().toString(CharsetUtil.US_ASCII));
        rest.release();
        LastHttpContent last = ch.readInbound();
        assertEquals("v", last.trailingHeaders().get("x-t"));
        last.release();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void rejectionDetailEscapesAndTruncatesClientBytes() {
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(LIMITS));
        ch.writeInbound(ascii("GET /" + "a".repeat(500) + "\u0000 HTTP/1.1\r\nHost: a\r\n\r\n"));
        HttpRejection rejection = ch.readInbound();
        assertEquals(RejectReason.BAD_TARGET, rejection.reason());
        assertTrue(rejection.detail().endsWith(": /" + "a".repeat(63) + "..."), rejection.detail());
        assertFalse(ch.finishAndReleaseAll());
    }

    /** A bad field value may be a credential: the detail names the field, not the value. */
    @Test
    void rejectionDetailNeverQuotesFieldValues() {
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(LIMITS));
        ch.writeInbound(ascii("GET / HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer s3cret\u0000\r\n\r\n"));
        HttpRejection rejection = ch.readInbound();
        assertEquals(RejectReason.BAD_HEADER_VALUE, rejection.reason());
        assertEquals("control character 0x00 at offset 14 in the value of Authorization", rejection.detail());
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void discardsAndReleasesEverythingAfterARejection() {
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(LIMITS));
        ch.writeInbound(ascii("BAD\r\n"));
        assertInstanceOf(HttpRejection.class, ch.readInbound());
        ByteBuf later = ascii("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        ch.writeInbound(later);
        assertEquals(0, later.refCnt());
        assertNull(ch.readInbound());
        assertFalse(ch.finishAndReleaseAll());
    }

    /** The head is bounded: a client streaming an endless header line is stopped at the limit. */
    @Test
    void endlessHeaderLineIsRejectedAtTheLimit() {
        Http1Limits limits = new Http1Limits(64, 256, 16, 0);
        EmbeddedChannel ch = new EmbeddedChannel(new StrictHttpRequestDecoder(limits));
        ch.writeInbound(ascii("GET / HTTP/1.1\r\nX: "));
        for (int i = 0; i < 30 && ch.inboundMessages().isEmpty(); i++) {
            ch.writeInbound(ascii("a".repeat(10)));
        }
        HttpRejection rejection = ch.readInbound();
        assertEquals(RejectReason.HEADERS_TOO_LARGE, rejection.reason());
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void rejectReasonsHaveStatusAndSnakeCaseLabel() {
        assertEquals("content_length_and_transfer_encoding",
                RejectReason.CONTENT_LENGTH_AND_TRANSFER_ENCODING.label());
        assertEquals("bad_chunk", RejectReason.BAD_CHUNK.label());
        assertEquals(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, RejectReason.BAD_VERSION.status());
        assertEquals(HttpResponseStatus.REQUEST_URI_TOO_LONG, RejectReason.URI_TOO_LONG.status());
        assertEquals(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, RejectReason.TOO_MANY_HEADERS.status());
        assertEquals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, RejectReason.BODY_TOO_LARGE.status());
        assertEquals(HttpResponseStatus.REQUEST_TIMEOUT, RejectReason.HEADER_TIMEOUT.status());
        for (RejectReason reason : RejectReason.values()) {
            assertTrue(reason.label().matches("[a-z_]+"), reason.label());
        }
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Http1Limits(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Http1Limits(1, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Http1Limits(1, 1, 1, -1));
        assertEquals(new Http1Limits(8 * 1024, 32 * 1024, 100, 10L * 1024 * 1024),
                Http1Limits.from(dev.pincer.config.LimitsConfig.DEFAULT));
    }
}
