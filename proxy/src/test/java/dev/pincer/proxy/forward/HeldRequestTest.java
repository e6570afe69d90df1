package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.LimitsConfig;
import dev.pincer.proxy.metrics.ProxyMetrics;
import dev.pincer.proxy.spool.BodySpool;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held request body: memory first, then the spool file; read back in order, exactly, with the
 * last content's trailers; spooled chunks only while the upstream is writable; every content it
 * takes is released or handed out, the file closed, its budget given back.
 */
class HeldRequestTest {
    @TempDir
    Path dir;

    private final ProxyMetrics metrics = new ProxyMetrics(false);
    private final BodySpool spool = new BodySpool(metrics);

    private LimitsConfig limits(int memory, long cap, Path spoolDir) {
        LimitsConfig d = LimitsConfig.DEFAULT;
        return new LimitsConfig(d.maxHeaderBytes(), d.maxUriLength(), d.maxHeaders(), d.maxBodyBytes(),
                d.headerReadTimeout(), d.clientIdleTimeout(), Duration.ofSeconds(60), 500, Duration.ofSeconds(20),
                memory, spoolDir, cap);
    }

    private static HttpContent content(int size, byte fill) {
        ByteBuf b = Unpooled.buffer(size);
        for (int i = 0; i < size; i++) {
            b.writeByte(fill + i % 7);
        }
        return new DefaultHttpContent(b);
    }

    @Test
    void memoryThenFileComeBackInOrderWithTheTrailers() throws Exception {
        HeldRequest h = new HeldRequest(spool, limits(100, 1 << 20, dir));
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        HttpContent[] in = {content(60, (byte) 'a'), content(40, (byte) 'b'), content(1, (byte) 'c'),
                content(200_000, (byte) 'd')};
        for (HttpContent c : in) {
            sent.writeBytes(ByteBufUtilCopy.bytes(c.content()));
            assertNull(h.add(c, true));
        }
        LastHttpContent last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
        last.trailingHeaders().set("X-Checksum", "abc");
        assertNull(h.add(last, true));
        assertEquals(0, in[2].refCnt(), "a spooled content is released at once");
        assertEquals(1, in[1].refCnt(), "one in memory is held as it is");
        assertEquals(200_101, h.bytes());
        assertTrue(h.spooled());
        assertEquals(200_001, spool.inUse());

        ByteArrayOutputStream got = new ByteArrayOutputStream();
        HttpContent c;
        int memory = 0;
        while ((c = h.next(ByteBufAllocator.DEFAULT, false)) != null) { // not writable: memory only
            memory += c.content().readableBytes();
            got.writeBytes(ByteBufUtilCopy.bytes(c.content()));
            c.release();
        }
        assertEquals(100, memory);
        assertFalse(h.isEmpty(), "the spooled part waits for the upstream's writability");
        LastHttpContent end = null;
        while ((c = h.next(ByteBufAllocator.DEFAULT, true)) != null) {
            if (c instanceof LastHttpContent l) {
                end = l;
            }
            got.writeBytes(ByteBufUtilCopy.bytes(c.content()));
            assertTrue(c.content().readableBytes() <= HeldRequest.CHUNK);
            c.release();
        }
        assertInstanceOf(LastHttpContent.class, end);
        assertEquals("abc", end.trailingHeaders().get("X-Checksum"));
        assertTrue(java.util.Arrays.equals(sent.toByteArray(), got.toByteArray()), "byte for byte");
        assertTrue(h.isEmpty());
        assertEquals(0, spool.inUse(), "the whole body went up: the file is closed");
        h.releaseAll();
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "the file was unlinked when it was made");
        }
    }

    /** The global cap is exact: spooling up to it works; a content that would pass it is refused and released. */
    @Test
    void theCapRefusesAndReleases() {
        HeldRequest h = new HeldRequest(spool, limits(0, 1000, dir));
        assertNull(h.add(content(1000, (byte) 'a'), true));
        HttpContent over = content(1, (byte) 'b');
        assertEquals("cap", h.add(over, true));
        assertEquals(0, over.refCnt());
        assertEquals(1000, spool.inUse());
        h.releaseAll();
        assertEquals(0, spool.inUse());
        assertEquals(0.0, metrics.registry().getSampleValue("pincer_body_spool_bytes"));
    }

    @Test
    void aSpoolDirectoryThatFailsIsIo() throws Exception {
        Path gone = dir.resolve("gone");
        Files.createDirectory(gone);
        HeldRequest h = new HeldRequest(spool, limits(0, 1 << 20, gone));
        Files.delete(gone);
        HttpContent c = content(10, (byte) 'a');
        assertEquals("io", h.add(c, true));
        assertEquals(0, c.refCnt());
        h.releaseAll();
    }

    @Test
    void releaseAllReleasesMemoryAndClosesTheFile() {
        HeldRequest h = new HeldRequest(spool, limits(10, 1 << 20, dir));
        HttpContent kept = content(10, (byte) 'a');
        assertNull(h.add(kept, true));
        assertNull(h.add(content(5000, (byte) 'b'), true));
        assertEquals(5000, spool.inUse());
        h.releaseAll();
        h.releaseAll();
        assertEquals(0, kept.refCnt());
        assertEquals(0, spool.inUse());
    }

    /** Copies a buffer's readable bytes without moving its reader index. */
    static final class ByteBufUtilCopy {
        static byte[] bytes(ByteBuf b) {
            byte[] out = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), out);
            return out;
        }
    }
}
