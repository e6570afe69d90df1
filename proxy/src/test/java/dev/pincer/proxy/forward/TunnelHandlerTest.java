package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TunnelHandler}: two channels relaying raw bytes into each other after a 101. */
class TunnelHandlerTest {
    private EmbeddedChannel client;
    private EmbeddedChannel upstream;
    private ReadCounter clientReads;
    private ReadCounter upstreamReads;

    @BeforeEach
    void setUp() {
        client = new EmbeddedChannel();
        upstream = new EmbeddedChannel();
        // As in production (AUTO_READ=false): reads happen only when the handler asks.
        client.config().setAutoRead(false);
        upstream.config().setAutoRead(false);
        clientReads = new ReadCounter();
        upstreamReads = new ReadCounter();
        client.pipeline().addLast(clientReads);
        upstream.pipeline().addLast(upstreamReads);
        client.pipeline().addLast(new TunnelHandler(upstream));
        upstream.pipeline().addLast(new TunnelHandler(client));
    }

    @AfterEach
    void tearDown() {
        client.finishAndReleaseAll();
        upstream.finishAndReleaseAll();
    }

    @Test
    void addingTheHandlerToAnActiveChannelStartsReading() {
        assertEquals(1, clientReads.reads);
        assertEquals(1, upstreamReads.reads);
    }

    @Test
    void bytesReadOnOneSideAreWrittenToTheOther() {
        ByteBuf fromClient = ascii("ping");
        client.writeInbound(fromClient);
        ByteBuf atUpstream = upstream.readOutbound();
        assertSame(fromClient, atUpstream, "relayed as is, not copied");
        assertEquals("ping", atUpstream.toString(StandardCharsets.US_ASCII));
        atUpstream.release();

        upstream.writeInbound(ascii("pong"));
        ByteBuf atClient = client.readOutbound();
        assertEquals("pong", atClient.toString(StandardCharsets.US_ASCII));
        atClient.release();
        assertNull(client.readInbound(), "nothing is passed on inbound");
        assertNull(upstream.readInbound());
    }

    @Test
    void writesAreFlushedOnReadCompleteAndTheNextReadIsRequested() {
        int readsBefore = clientReads.reads;
        client.pipeline().fireChannelRead(ascii("a"));
        client.pipeline().fireChannelRead(ascii("b"));
        assertTrue(upstream.outboundMessages().isEmpty(), "written, not yet flushed");
        assertEquals(readsBefore, clientReads.reads);

        client.pipeline().fireChannelReadComplete();
        assertEquals(2, upstream.outboundMessages().size());
        assertEquals(readsBefore + 1, clientReads.reads, "the peer is writable: read on");
    }

    @Test
    void noReadWhileThePeerIsUnwritableAndOneWhenItDrains() {
        upstream.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
        FlushHolder holder = new FlushHolder();
        upstream.pipeline().addFirst(holder);
        int readsBefore = clientReads.reads;

        client.pipeline().fireChannelRead(ascii("more than two bytes"));
        client.pipeline().fireChannelReadComplete();
        assertFalse(upstream.isWritable());
        assertEquals(readsBefore, clientReads.reads, "backpressure: the client is not read");

        upstream.pipeline().remove(holder);
        upstream.flush();
        assertTrue(upstream.isWritable());
        assertEquals(readsBefore + 1, clientReads.reads, "drained: the client is read again");
    }

    @Test
    void inactiveSideClosesThePeer() {
        client.close();
        client.runPendingTasks();
        upstream.runPendingTasks();
        assertFalse(upstream.isActive());
        assertFalse(upstream.isOpen());
    }

    @Test
    void bytesForAClosedPeerAreReleased() {
        EmbeddedChannel gone = new EmbeddedChannel();
        gone.close();
        EmbeddedChannel side = new EmbeddedChannel(new TunnelHandler(gone));
        ByteBuf b = ascii("lost");
        side.writeInbound(b);
        assertEquals(0, b.refCnt());
        side.finishAndReleaseAll();
        gone.finishAndReleaseAll();
    }

    @Test
    void exceptionClosesTheChannelAndThenThePeer() {
        client.pipeline().fireExceptionCaught(new RuntimeException("boom"));
        client.runPendingTasks();
        assertFalse(client.isOpen());
        assertFalse(upstream.isOpen());
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    /** Holds flushes back, so written bytes stay pending and count against the water mark. */
    private static final class FlushHolder extends ChannelOutboundHandlerAdapter {
        @Override
        public void flush(ChannelHandlerContext ctx) {
        }
    }

    private static final class ReadCounter extends ChannelOutboundHandlerAdapter {
        int reads;

        @Override
        public void read(ChannelHandlerContext ctx) {
            reads++;
            ctx.read();
        }
    }
}
