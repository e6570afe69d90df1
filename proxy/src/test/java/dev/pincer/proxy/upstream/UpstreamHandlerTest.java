package dev.pincer.proxy.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link UpstreamHandler}: hands an upstream connection's events to the exchange holding it, exactly once. */
class UpstreamHandlerTest {
    private UpstreamHandler handler;
    private EmbeddedChannel ch;
    private Recorder listener;

    @BeforeEach
    void setUp() {
        handler = new UpstreamHandler();
        ch = new EmbeddedChannel(handler);
        listener = new Recorder();
    }

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
        listener.releaseAll();
    }

    @Test
    void withoutListenerAnInboundMessageIsReleasedAndTheConnectionClosed() {
        HttpContent c = content("unsolicited");
        ch.writeInbound(c);
        assertEquals(0, c.refCnt());
        assertFalse(ch.isOpen());
        assertNull(ch.readInbound());
    }

    @Test
    void aDetachedListenerHearsNothing() {
        handler.attach(listener);
        handler.detach();
        HttpContent c = content("late");
        ch.writeInbound(c);
        assertEquals(0, c.refCnt());
        assertFalse(ch.isOpen());
        assertTrue(listener.messages.isEmpty());
        assertEquals(0, listener.closed, "detached before the close");
    }

    @Test
    void somethingOtherThanHttpIsReleasedAndClosesEvenWithAListener() {
        handler.attach(listener);
        ByteBuf raw = Unpooled.copiedBuffer("raw", StandardCharsets.US_ASCII);
        ch.writeInbound(raw);
        assertEquals(0, raw.refCnt());
        assertFalse(ch.isOpen());
        assertTrue(listener.messages.isEmpty());
        assertEquals(1, listener.closed);
        assertNull(listener.cause);
    }

    @Test
    void messagesAndReadCompleteGoToTheListener() {
        handler.attach(listener);
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpContent body = content("body");
        ch.writeInbound(head, body);
        assertEquals(List.of(head, body), listener.messages);
        assertEquals(1, body.refCnt(), "the listener owns it now");
        assertEquals(1, listener.readCompletes);
        assertTrue(ch.isOpen());
        assertNull(ch.readInbound(), "nothing goes further down the pipeline");
    }

    @Test
    void writabilityChangesAreReported() {
        handler.attach(listener);
        ch.pipeline().fireChannelWritabilityChanged();
        assertEquals(List.of(true), listener.writability);
    }

    @Test
    void exceptionAfterInactiveIsNotReportedAgain() {
        handler.attach(listener);
        ch.pipeline().fireChannelInactive();
        ch.pipeline().fireExceptionCaught(new RuntimeException("late"));
        assertEquals(1, listener.closed);
        assertNull(listener.cause);
        assertFalse(ch.isOpen());
    }

    @Test
    void closeIsReportedOnceWithoutCause() {
        handler.attach(listener);
        ch.close();
        ch.pipeline().fireChannelInactive();
        assertEquals(1, listener.closed);
        assertNull(listener.cause);
    }

    @Test
    void exceptionIsReportedOnceWithItsCauseAndCloses() {
        handler.attach(listener);
        RuntimeException boom = new RuntimeException("reset");
        ch.pipeline().fireExceptionCaught(boom);
        assertFalse(ch.isOpen());
        assertEquals(1, listener.closed, "the close that follows is not reported again");
        assertSame(boom, listener.cause);
    }

    /** Fires inactive without closing: a closed EmbeddedChannel removes its handlers. */
    @Test
    void afterTheCloseReportTheListenerHearsNoMore() {
        handler.attach(listener);
        ch.pipeline().fireChannelInactive();
        assertEquals(1, listener.closed);
        HttpContent late = content("late");
        ch.pipeline().fireChannelRead(late);
        ch.pipeline().fireChannelReadComplete();
        assertEquals(0, late.refCnt());
        assertTrue(listener.messages.isEmpty());
        assertEquals(0, listener.readCompletes);
        assertFalse(ch.isOpen(), "a read with nobody listening closes");
        assertEquals(1, listener.closed);
    }

    private static HttpContent content(String s) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII));
    }

    private static final class Recorder implements UpstreamListener {
        final List<HttpObject> messages = new ArrayList<>();
        final List<Boolean> writability = new ArrayList<>();
        int readCompletes;
        int closed;
        Throwable cause;

        @Override
        public void onUpstreamMessage(HttpObject msg) {
            messages.add(msg);
        }

        @Override
        public void onUpstreamReadComplete() {
            readCompletes++;
        }

        @Override
        public void onUpstreamWritabilityChanged(boolean writable) {
            writability.add(writable);
        }

        @Override
        public void onUpstreamClosed(Throwable cause) {
            closed++;
            this.cause = cause;
        }

        void releaseAll() {
            messages.forEach(ReferenceCountUtil::release);
            messages.clear();
        }
    }
}
