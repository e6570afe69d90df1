package dev.pincer.proxy.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeadTimeoutHandlerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new HeadTimeoutHandler(TIMEOUT));
        return ch;
    }

    private static void advance(EmbeddedChannel ch, long seconds) {
        ch.advanceTimeBy(seconds, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
    }

    private static HttpRequest request() {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    }

    private static void assertTimedOut(EmbeddedChannel ch) {
        HttpRejection rejection = assertInstanceOf(HttpRejection.class, ch.readInbound());
        assertEquals(RejectReason.HEADER_TIMEOUT, rejection.reason());
        assertNull(ch.readInbound());
    }

    @Test
    void firesWhenNoHeadArrivesAfterConnect() {
        EmbeddedChannel ch = channel();
        advance(ch, 9);
        assertNull(ch.readInbound());
        advance(ch, 1);
        assertTimedOut(ch);
        advance(ch, 60);
        assertNull(ch.readInbound(), "fires once");
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void armsOnChannelActiveWhenAddedBeforeRegistration() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false, new HeadTimeoutHandler(TIMEOUT));
        ch.register();
        ch.freezeTime();
        advance(ch, 10);
        assertTimedOut(ch);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void requestDisarms() {
        EmbeddedChannel ch = channel();
        advance(ch, 5);
        ch.writeInbound(request());
        advance(ch, 60);
        assertInstanceOf(HttpRequest.class, ch.readInbound());
        assertNull(ch.readInbound());
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void rejectionFromDecoderDisarms() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(new HttpRejection(RejectReason.BAD_METHOD, "x"));
        advance(ch, 60);
        assertEquals(RejectReason.BAD_METHOD, ((HttpRejection) ch.readInbound()).reason());
        assertNull(ch.readInbound());
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void headStartedRearmsForTheNextRequest() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(request(), LastHttpContent.EMPTY_LAST_CONTENT);
        respond(ch);
        advance(ch, 60); // idle between requests: not this handler's business
        ch.readInbound();
        ch.readInbound();
        assertNull(ch.readInbound());
        ch.pipeline().fireUserEventTriggered(StrictHttpRequestDecoder.HEAD_STARTED);
        advance(ch, 10);
        assertTimedOut(ch);
        assertFalse(ch.finishAndReleaseAll());
    }

    /**
     * Regression: a pipelined head that starts while the proxy is still answering the request
     * before it (and so not reading) must not be timed out for that time; its clock starts when
     * the previous response has been written. A 1xx interim response does not end the wait.
     */
    @Test
    void pipelinedHeadIsTimedFromTheEndOfThePreviousResponse() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(request(), LastHttpContent.EMPTY_LAST_CONTENT);
        ch.pipeline().fireUserEventTriggered(StrictHttpRequestDecoder.HEAD_STARTED);
        ch.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        advance(ch, 60); // the proxy is busy with the first request
        ch.readInbound();
        ch.readInbound();
        assertNull(ch.readInbound());
        respond(ch);
        advance(ch, 9);
        assertNull(ch.readInbound());
        advance(ch, 1);
        assertTimedOut(ch);
        assertFalse(ch.finishAndReleaseAll());
    }

    private static void respond(EmbeddedChannel ch) {
        ch.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK),
                LastHttpContent.EMPTY_LAST_CONTENT);
        Object o;
        while ((o = ch.readOutbound()) != null) {
            io.netty.util.ReferenceCountUtil.release(o);
        }
    }

    /** A head that starts late in the first window gets no second window. */
    @Test
    void headStartedDoesNotExtendAnArmedDeadline() {
        EmbeddedChannel ch = channel();
        advance(ch, 8);
        ch.pipeline().fireUserEventTriggered(StrictHttpRequestDecoder.HEAD_STARTED);
        advance(ch, 2);
        assertTimedOut(ch);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void releasesMessagesArrivingAfterExpiry() {
        EmbeddedChannel ch = channel();
        advance(ch, 10);
        assertTimedOut(ch);
        ByteBuf late = Unpooled.copiedBuffer("late", CharsetUtil.US_ASCII);
        ch.writeInbound(late);
        assertEquals(0, late.refCnt());
        assertNull(ch.readInbound());
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void closeCancelsTheTimer() {
        EmbeddedChannel ch = channel();
        ch.close();
        advance(ch, 60);
        assertNull(ch.readInbound());
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void removalCancelsTheTimer() {
        EmbeddedChannel ch = channel();
        ch.pipeline().remove(HeadTimeoutHandler.class);
        advance(ch, 60);
        assertNull(ch.readInbound());
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void withDecoderASlowHeadTimesOut() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new StrictHttpRequestDecoder(RequestCorpus.DEFAULT_LIMITS), new HeadTimeoutHandler(TIMEOUT));
        ch.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /slow HTTP/1.1\r\n",
                CharsetUtil.US_ASCII));
        assertInstanceOf(HttpRequest.class, ch.readInbound());
        assertInstanceOf(LastHttpContent.class, ch.readInbound());
        advance(ch, 30); // still answering GET /: the pipelined head's clock has not started
        assertNull(ch.readInbound());
        respond(ch);
        advance(ch, 10);
        assertTimedOut(ch);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void rejectsNonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class, () -> new HeadTimeoutHandler(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> new HeadTimeoutHandler(null));
    }
}
