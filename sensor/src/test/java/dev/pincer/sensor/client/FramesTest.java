package dev.pincer.sensor.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.sensor.testing.FakeCorrelator;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {
    private static Frames.Frame read(byte[] bytes) throws IOException {
        return Frames.read(new DataInputStream(new ByteArrayInputStream(bytes)), Frames.MAX_INBOUND);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /**
     * The spec's example CHALLENGE (section 3): length 0x29 (type + stream + payload = 1 + 4 + 36),
     * versions 1..1, nonce 00..1f.
     */
    @Test
    void specExampleChallenge() throws IOException {
        byte[] nonce = new byte[32];
        for (int i = 0; i < 32; i++) {
            nonce[i] = (byte) i;
        }
        byte[] frame = hex("00000029 01 00000000 0001 0001 " + HexFormat.of().formatHex(nonce));
        Frames.Frame f = read(frame);
        assertEquals(Frames.CHALLENGE, f.type);
        Frames.Challenge c = Frames.Challenge.parse(f.payload);
        assertEquals(1, c.minVersion);
        assertEquals(1, c.maxVersion);
        assertArrayEquals(nonce, c.nonce);
        // Proof for token 0123456789abcdef against that nonce, computed with Python's hmac module.
        assertEquals("a6a28c90417e47836773ceb7d1355a3f0a712d9bd17265e0b2fc4cfe5b1bbc8f",
                HexFormat.of().formatHex(CorrelatorClient.proof("0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                        nonce)));
        assertArrayEquals(FakeCorrelator.proof("0123456789abcdef", nonce),
                CorrelatorClient.proof("0123456789abcdef".getBytes(StandardCharsets.UTF_8), nonce));
    }

    /** The spec's example WELCOME: 1 MiB, 1024 in flight, 50 ms, hybrid. */
    @Test
    void specExampleWelcome() throws IOException {
        Frames.Frame f = read(hex("00000014 03 00000000 0001 00100000 00000400 00000032 00"));
        Frames.Welcome w = Frames.Welcome.parse(f.payload);
        assertEquals(1, w.version);
        assertEquals(1 << 20, w.maxFrame);
        assertEquals(1024, w.maxInFlight);
        assertEquals(50, w.verdictTimeoutMs);
        assertEquals(0, w.mode);
    }

    @Test
    void checkLayout() {
        byte[] b = Frames.check(7, "ab", 1, List.of("SELECT 1"), List.of("method", "executeQuery"), "A.b(A.java:1)");
        ByteBuffer buf = ByteBuffer.wrap(b);
        assertEquals(b.length - 4, buf.getInt());
        assertEquals(0x10, buf.get());
        assertEquals(7, buf.getInt());
        assertEquals("ab", str(buf));
        assertEquals(1, buf.get());
        assertEquals(0, buf.get());
        assertEquals(1, buf.getShort());
        assertEquals("SELECT 1", str(buf));
        assertEquals(1, buf.getShort());
        assertEquals("method", str(buf));
        assertEquals("executeQuery", str(buf));
        assertEquals("A.b(A.java:1)", str(buf));
        assertEquals(0, buf.remaining());
    }

    @Test
    void stackIsCutTo2KiBOnACharacterBoundary() {
        String stack = "é".repeat(2000); // 4000 bytes
        ByteBuffer buf = ByteBuffer.wrap(Frames.check(1, "", 8, List.of("x"), List.of(), stack));
        buf.position(4 + 1 + 4 + 4 + 1 + 1 + 2 + 4 + 1 + 2);
        int n = buf.getInt();
        assertEquals(2048, n);
        assertEquals(0, buf.remaining() - n);
    }

    @Test
    void verdictRoundTrip() throws IOException {
        byte[] frame = new Frames.Builder(Frames.VERDICT, 9).u8(1).u8(2).str("sqli").str("input spans 5 SQL tokens")
                .toByteArray();
        Frames.Frame f = read(frame);
        assertEquals(9, f.stream);
        Frames.VerdictFrame v = Frames.VerdictFrame.parse(f.payload);
        assertEquals(1, v.verdict);
        assertEquals(2, v.cache);
        assertEquals("sqli", v.attackClass);
        assertEquals("input spans 5 SQL tokens", v.reason);
    }

    @Test
    void leftoverBytesAreMalformed() throws IOException {
        Frames.Frame f = read(new Frames.Builder(Frames.VERDICT, 9).u8(0).u8(0).str("").str("").u8(0).toByteArray());
        ProtocolException e = assertThrows(ProtocolException.class, () -> Frames.VerdictFrame.parse(f.payload));
        assertEquals(Frames.ERR_MALFORMED, e.code());
    }

    @Test
    void stringPastTheFrameIsMalformed() throws IOException {
        Frames.Frame f = read(new Frames.Builder(Frames.ERROR, 0).u16(1).u32(100).toByteArray());
        assertThrows(ProtocolException.class, () -> Frames.ErrorFrame.parse(f.payload));
    }

    @Test
    void unknownTypeIsMalformed() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(hex("00000005 55 00000000")));
        assertEquals(Frames.ERR_MALFORMED, e.code());
    }

    @Test
    void shortLengthIsMalformed() {
        assertThrows(ProtocolException.class, () -> read(hex("00000004 11 000000")));
    }

    /** A sensor refuses correlator frames over 64 KiB, before reading them. */
    @Test
    void framesOver64KiBAreRefused() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> read(hex("00010001 11 00000001")));
        assertEquals(Frames.ERR_TOO_LARGE, e.code());
        byte[] ok = new byte[4 + 65536];
        ByteBuffer.wrap(ok).putInt(65536).put((byte) 0x20).putInt(0);
        assertThrows(ProtocolException.class, () -> Frames.parsePingData(
                Frames.read(new DataInputStream(new ByteArrayInputStream(ok)), Frames.MAX_INBOUND).payload));
    }

    @Test
    void helloStringsAreCutTo256Bytes() {
        byte[] hello = Frames.hello(1, new byte[32], "h".repeat(300), "java 17", "");
        ByteBuffer buf = ByteBuffer.wrap(hello);
        buf.position(4 + 1 + 4 + 2 + 32);
        assertEquals(256, str(buf).length());
        assertEquals("java 17", str(buf));
        assertEquals("", str(buf));
    }

    @Test
    void reportAndPing() throws IOException {
        Frames.Frame r = read(Frames.report(1, 2, 3));
        assertEquals(Frames.REPORT, r.type);
        assertArrayEquals(hex("00000001 00000002 00000003"), r.payload);
        Frames.Frame p = read(Frames.ping(0, hex("0102030405060708")));
        assertArrayEquals(hex("0102030405060708"), Frames.parsePingData(p.payload));
    }

    private static String str(ByteBuffer b) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
