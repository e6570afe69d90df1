package dev.pincer.proxy.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BodyTimeoutHandler} on an EmbeddedChannel with a frozen clock: a stall longer than the
 * timeout (limit + 1) and a body that waited longer than the grace plus one second per minimum-rate
 * bytes are cut; time the proxy
 * is not reading does not count; a body that keeps up never is.
 */
class BodyTimeoutHandlerTest {
    private static final long MS = 1_000_000L;
    private EmbeddedChannel ch;

    @BeforeEach
    void setUp() {
        // 1s stall limit; 2s of grace plus a second per 1000 bytes.
        ch = new EmbeddedChannel(new BodyTimeoutHandler(Duration.ofSeconds(1), 1000, Duration.ofSeconds(2)));
        ch.config().setAutoRead(false); // as on a client connection: only the frontend asks for reads
        ch.freezeTime();
    }

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
    }

    private void head() {
        ch.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/"));
        assertInstanceOf(DefaultHttpRequest.class, ch.readInbound());
    }

    private void body(int n) {
        ch.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[n])));
        Object m = ch.readInbound();
        ReferenceCountUtil.release(m);
        assertInstanceOf(DefaultHttpContent.class, m, "the body passed on, nothing fired");
    }

    private void advance(long nanos) {
        ch.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
        ch.runScheduledPendingTasks();
    }

    private RejectReason rejection() {
        Object m = ch.readInbound();
        return m instanceof HttpRejection r ? r.reason() : null;
    }

    @Test
    void aStallOfTheTimeoutIsCutAndOneJustUnderIsNot() {
        head();
        ch.read();
        advance(1000 * MS - 1);
        assertNull(rejection(), "limit - 1ns");
        advance(1);
        assertEquals(RejectReason.BODY_TIMEOUT, rejection());
    }

    @Test
    void timeNotReadingIsNotTheClients() {
        head();
        advance(10_000 * MS); // connecting upstream, or the upstream not taking the body: no read asked
        assertNull(rejection());
        ch.read();
        advance(999 * MS);
        assertNull(rejection());
    }

    @Test
    void progressRestartsTheStallClock() {
        head();
        for (int i = 0; i < 10; i++) {
            ch.read();
            advance(900 * MS);
            body(1000); // 1000 bytes per 0.9s: above the rate
        }
        assertNull(rejection());
    }

    @Test
    void underTheMinimumRateAfterTheGraceIsCut() {
        head();
        for (int i = 0; i < 3; i++) { // 100 bytes every 0.5s = 200 bytes/s, under 1000
            ch.read();
            advance(500 * MS);
            body(100);
        }
        ch.read(); // 1.5s waited, 300 bytes: allowed 2s grace + 0.3s
        advance(800 * MS);
        assertNull(rejection(), "at exactly grace + bytes / rate");
        advance(1);
        assertEquals(RejectReason.BODY_TOO_SLOW, rejection());
    }

    @Test
    void atTheMinimumRateIsNotCut() {
        head();
        for (int i = 0; i < 20; i++) { // exactly 1000 bytes/s, well past the grace
            ch.read();
            advance(500 * MS);
            body(500);
        }
        ch.read();
        advance(MS);
        assertNull(rejection());
    }

    @Test
    void theLastContentEndsTheClock() {
        head();
        ch.read();
        body(10);
        ch.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertInstanceOf(LastHttpContent.class, ch.readInbound());
        ch.read();
        advance(60_000 * MS);
        assertNull(rejection());
    }

    @Test
    void afterFiringLaterInputIsReleased() {
        head();
        ch.read();
        advance(1000 * MS);
        assertEquals(RejectReason.BODY_TIMEOUT, rejection());
        DefaultHttpContent late = new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[3]));
        ch.writeInbound(late);
        assertNull(ch.readInbound());
        assertEquals(0, late.refCnt());
        assertTrue(ch.isOpen());
    }
}
