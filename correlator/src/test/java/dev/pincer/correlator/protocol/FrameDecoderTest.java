package dev.pincer.correlator.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.FrameText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decoder in a channel: split reads, refusing early, discarding after a failure, hostile bytes. */
class FrameDecoderTest {
    private static final byte[] PING = FrameText.parse("[ 20 00000003 0102030405060708 ]", Map.of());

    @Test
    void framesSplitAcrossReadsAreReassembled() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1024));
        try {
            byte[] two = new byte[PING.length * 2];
            System.arraycopy(PING, 0, two, 0, PING.length);
            System.arraycopy(PING, 0, two, PING.length, PING.length);
            for (byte b : two) {
                ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            }
            assertEquals(new Frame.Ping(3, 0x0102030405060708L), ch.readInbound());
            assertEquals(new Frame.Ping(3, 0x0102030405060708L), ch.readInbound());
            assertNull(ch.readInbound());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void anOversizedFrameIsRefusedBeforeItsBodyArrives() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1024));
        try {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 4, 1})));
            assertEquals(ErrorCode.TOO_LARGE, e.code());
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[2000]));
            ch.writeInbound(Unpooled.wrappedBuffer(PING));
            assertNull(ch.readInbound(), "nothing after the refusal is decoded");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void framesBeforeAMalformedOneInTheSameReadAreDelivered() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1024));
        try {
            byte[] bytes = FrameText.parse("[ 20 00000003 0102030405060708 ] [ 99 00000000 ]", Map.of());
            assertThrows(ProtocolException.class, () -> ch.writeInbound(Unpooled.wrappedBuffer(bytes)));
            assertInstanceOf(Frame.Ping.class, ch.readInbound());
            assertNull(ch.readInbound());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    /**
     * Fuzz-style: mutated valid frames and random bytes either decode, wait for more, or are
     * refused with a ProtocolException; any other exception is a parser bug.
     */
    @Test
    void hostileBytesOnlyEverGiveProtocolExceptions() {
        ByteBuf seed = Unpooled.buffer();
        FrameEncoder.write(new Frame.Check(7, 1, new SinkCall("000102030405060708090a0b0c0d0e0f", SinkKind.SQL,
                List.of("select 1", "x"), Map.of("method", "executeQuery", "k", "v"), "a.B\nc.D")), seed);
        FrameEncoder.write(new Frame.Hello(1, new byte[32], "host/1", "java", "app"), seed);
        FrameEncoder.write(new Frame.Report(1, 2, 3), seed);
        byte[] valid = new byte[seed.readableBytes()];
        seed.readBytes(valid);
        seed.release();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = valid.clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            if (i % 10 == 0) {
                random.nextBytes(b);
            }
            ByteBuf in = Unpooled.wrappedBuffer(b);
            try {
                while (FrameDecoder.decodeOne(in, 4096) != null) {
                    // keep going
                }
            } catch (ProtocolException expected) {
                // refused: fine
            } catch (RuntimeException e) {
                fail("input " + java.util.HexFormat.of().formatHex(b) + " threw " + e, e);
            }
        }
    }
}
