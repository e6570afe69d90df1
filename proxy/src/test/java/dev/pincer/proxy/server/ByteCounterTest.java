package dev.pincer.proxy.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.prometheus.client.Counter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ByteCounter}: counts bytes both ways and passes every message on untouched. */
class ByteCounterTest {
    private Counter received;
    private Counter sent;
    private EmbeddedChannel ch;

    @BeforeEach
    void setUp() {
        received = Counter.build("test_received_bytes_total", "r").create();
        sent = Counter.build("test_sent_bytes_total", "s").create();
        ch = new EmbeddedChannel(new ByteCounter(received, sent));
    }

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
    }

    @Test
    void countsInboundByteBufsAndHolders() {
        ByteBuf b = bytes("hello");
        HttpContent c = new DefaultHttpContent(bytes("abc"));
        ch.writeInbound(b, c);
        assertEquals(8.0, received.get());
        assertEquals(0.0, sent.get());

        ByteBuf outB = ch.readInbound();
        HttpContent outC = ch.readInbound();
        assertSame(b, outB);
        assertSame(c, outC);
        assertEquals(1, outB.refCnt());
        assertEquals(0, outB.readerIndex(), "not consumed");
        assertEquals(3, outC.content().readableBytes());
        outB.release();
        outC.release();
    }

    @Test
    void countsOutboundByteBufsAndHolders() {
        ByteBuf b = bytes("0123456789");
        HttpContent c = new DefaultHttpContent(bytes("xy"));
        ch.writeOutbound(b, c);
        assertEquals(12.0, sent.get());
        assertEquals(0.0, received.get());

        ByteBuf outB = ch.readOutbound();
        HttpContent outC = ch.readOutbound();
        assertSame(b, outB);
        assertSame(c, outC);
        assertEquals(10, outB.readableBytes());
        outB.release();
        outC.release();
    }

    @Test
    void otherMessagesAndEmptyBuffersCountNothingAndPassThrough() {
        ch.writeInbound("not bytes", Unpooled.EMPTY_BUFFER);
        ch.writeOutbound(42);
        assertEquals(0.0, received.get());
        assertEquals(0.0, sent.get());
        assertEquals("not bytes", ch.readInbound());
        assertSame(Unpooled.EMPTY_BUFFER, ch.readInbound());
        assertEquals(42, (Integer) ch.readOutbound());
    }

    @Test
    void sharableAcrossChannels() {
        ByteCounter shared = new ByteCounter(received, sent);
        EmbeddedChannel a = new EmbeddedChannel(shared);
        EmbeddedChannel b = new EmbeddedChannel(shared);
        a.writeInbound(bytes("12"));
        b.writeInbound(bytes("345"));
        assertEquals(5.0, received.get());
        a.finishAndReleaseAll();
        b.finishAndReleaseAll();
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }
}
