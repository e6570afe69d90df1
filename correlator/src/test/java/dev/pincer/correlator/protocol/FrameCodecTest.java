package dev.pincer.correlator.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.FrameText;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoding and decoding, both directions, without a channel. */
class FrameCodecTest {
    private static final byte[] NONCE = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    static Stream<Frame> frames() {
        return Stream.of(
                new Frame.Challenge(1, 1, NONCE),
                new Frame.Hello(1, NONCE, "host/42", "java 17.0.15", ""),
                new Frame.Welcome(1, 1 << 20, 1024, 50, 0),
                new Frame.Check(7, 1, new SinkCall("000102030405060708090a0b0c0d0e0f", SinkKind.SQL,
                        List.of("select * from t where a = 'é'"), Map.of("method", "executeQuery"), "a.B.c\nd.E.f")),
                new Frame.Check(-1, 2, new SinkCall("", SinkKind.EXEC, List.of("ls", "-l", ""),
                        Map.of("exe.path", "/bin/ls", "exe.sha256", ""), "")),
                new Frame.Verdict(7, 1, 1, "sqli", "input spans 5 SQL tokens"),
                new Frame.Ping(0, 0x0102030405060708L),
                new Frame.Pong(3, -1L),
                new Frame.Report(3, 0, 4294967295L),
                new Frame.Error(5, 10, "unknown sink kind 12"),
                new Frame.Inputs("000102030405060708090a0b0c0d0e0f", 1, List.of(
                        Input.plain(InputSource.APP_PARAMETER, "id", "1' OR '1'='1"),
                        Input.plain(InputSource.APP_HEADER, "User-Agent", "é"),
                        Input.plain(InputSource.APP_COOKIE, "", ""))),
                new Frame.Inputs("", 0, List.of()),
                // names are inputs (issue 8): a name-only entry carries its name, whatever it holds
                new Frame.Inputs("00ff", 0, List.of(Input.plain(InputSource.APP_PARAMETER, "x') OR 1=1--", ""),
                        Input.plain(InputSource.APP_HEADER, "X'or'1", ""))),
                new Frame.Timeout(7, 0),
                new Frame.Timeout(-1, 1));
    }

    @ParameterizedTest
    @MethodSource("frames")
    void roundTrips(Frame f) {
        ByteBuf b = Unpooled.buffer();
        try {
            FrameEncoder.write(f, b);
            assertEquals(b.readableBytes() - 4, b.getInt(0), "length counts what follows it");
            Frame back = FrameDecoder.decodeOne(b, 1 << 20);
            assertEquals(describe(f), describe(back));
            assertEquals(0, b.readableBytes());
        } finally {
            b.release();
        }
    }

    /** docs/sensor-protocol.md section 3: CHALLENGE and WELCOME bytes of the example. */
    @Test
    void specExampleBytes() {
        ByteBuf b = Unpooled.buffer();
        try {
            FrameEncoder.write(new Frame.Challenge(1, 2, NONCE), b);
            assertEquals("00000029" + "01" + "00000000" + "0001" + "0002" + HexFormat.of().formatHex(NONCE),
                    ByteBufUtil.hexDump(b));
            b.clear();
            FrameEncoder.write(new Frame.Welcome(2, 1 << 20, 1024, 50, 0), b);
            assertEquals("00000014" + "03" + "00000000" + "0002" + "00100000" + "00000400" + "00000032" + "00",
                    ByteBufUtil.hexDump(b));
            b.clear();
            FrameEncoder.write(new Frame.Verdict(7, 1, 1, "sqli", ""), b);
            assertEquals("00000013" + "11" + "00000007" + "01" + "01" + "00000004" + "73716c69" + "00000000",
                    ByteBufUtil.hexDump(b));
        } finally {
            b.release();
        }
    }

    /** docs/sensor-protocol.md, "Version 2 example": the INPUTS and TIMEOUT bytes, to the byte. */
    @Test
    void version2ExampleBytes() {
        ByteBuf b = Unpooled.buffer();
        try {
            FrameEncoder.write(new Frame.Inputs("00ff", 1, List.of(Input.plain(InputSource.APP_PARAMETER, "id", "1'"),
                    Input.plain(InputSource.APP_COOKIE, "s", "x"))), b);
            assertEquals("00000028" + "12" + "00000000" + "00000004" + "30306666" + "01" + "0002"
                    + "01" + "00000002" + "6964" + "00000002" + "3127"
                    + "03" + "00000001" + "73" + "00000001" + "78", ByteBufUtil.hexDump(b));
            b.clear();
            FrameEncoder.write(new Frame.Timeout(7, 0), b);
            assertEquals("00000006" + "31" + "00000007" + "00", ByteBufUtil.hexDump(b));
        } finally {
            b.release();
        }
    }

    /** The correlator's INPUTS bound: 4096 entries parse, 4097 are malformed. */
    @Test
    void inputsCountLimitAndLimitPlusOne() {
        for (int n : new int[] {4096, 4097}) {
            ByteBuf b = Unpooled.buffer();
            try {
                b.writeInt(0).writeByte(0x12).writeInt(0).writeInt(0).writeByte(0).writeShort(n);
                for (int i = 0; i < n; i++) {
                    b.writeByte(1).writeInt(1).writeByte('a').writeInt(1).writeByte('b');
                }
                b.setInt(0, b.readableBytes() - 4);
                if (n == 4096) {
                    assertEquals(4096, ((Frame.Inputs) FrameDecoder.decodeOne(b, 1 << 20)).entries().size());
                } else {
                    ProtocolException e = assertThrows(ProtocolException.class, () -> FrameDecoder.decodeOne(b, 1 << 20));
                    assertEquals(ErrorCode.MALFORMED, e.code());
                    assertEquals("INPUTS with 4097 entries (at most 4096)", e.getMessage());
                }
            } finally {
                b.release();
            }
        }
    }

    @Test
    void onlyAppSourcesGoIntoInputs() {
        ByteBuf b = Unpooled.buffer();
        try {
            assertThrows(IllegalArgumentException.class, () -> FrameEncoder.write(new Frame.Inputs("", 0,
                    List.of(Input.plain(InputSource.QUERY, "a", "b"))), b));
        } finally {
            b.release();
        }
    }

    @Test
    void anIncompleteFrameIsNotConsumed() {
        byte[] whole = FrameText.parse("[ 20 00000003 0102030405060708 ]", Map.of());
        for (int n = 0; n < whole.length; n++) {
            ByteBuf b = Unpooled.wrappedBuffer(whole, 0, n);
            assertNull(FrameDecoder.decodeOne(b, 1024));
            assertEquals(0, b.readerIndex());
        }
    }

    @Test
    void theLengthAloneIsEnoughToRefuse() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameDecoder.decodeOne(Unpooled.wrappedBuffer(HexFormat.of().parseHex("00000401")), 1024));
        assertEquals(ErrorCode.TOO_LARGE, e.code());
        assertNull(FrameDecoder.decodeOne(Unpooled.wrappedBuffer(HexFormat.of().parseHex("00000400")), 1024),
                "exactly the limit is allowed (and waits for its body)");
    }

    @Test
    void unknownKindKeepsTheFrameButNoCall() {
        byte[] bytes = FrameText.parse("[ 10 00000005 s\"\" 0c 00 0001 s\"x\" 0000 s\"\" ]", Map.of());
        Frame.Check c = (Frame.Check) FrameDecoder.decodeOne(Unpooled.wrappedBuffer(bytes), 1024);
        assertEquals(12, c.kindCode());
        assertNull(c.call());
    }

    @Test
    void proofOfTheSpecExample() {
        assertArrayEquals(HexFormat.of().parseHex("a6a28c90417e47836773ceb7d1355a3f0a712d9bd17265e0b2fc4cfe5b1bbc8f"),
                Protocol.proof("0123456789abcdef", NONCE));
    }

    /** Records with arrays compare by identity; this compares them by content. */
    static String describe(Frame f) {
        if (f instanceof Frame.Challenge c) {
            return "Challenge" + c.minVersion() + c.maxVersion() + HexFormat.of().formatHex(c.nonce());
        }
        if (f instanceof Frame.Hello h) {
            return "Hello" + h.version() + HexFormat.of().formatHex(h.proof()) + h.sensorId() + "|" + h.runtime()
                    + "|" + h.app();
        }
        return f.toString();
    }
}
