package dev.pincer.proxy.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pincer.proxy.metrics.ProxyMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spool file: 0600, unlinked from the start, read back as written, its budget given back at close. */
class SpoolFileTest {
    @TempDir
    Path dir;

    private final BodySpool spool = new BodySpool(new ProxyMetrics(false));

    /** This JVM's open descriptors whose target is in the spool directory (Linux). */
    private List<Path> open() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith(dir.toString());
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    @Test
    void itIsOwnerOnlyUnlinkedAndGoneAtClose() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux /proc");
        SpoolFile f = spool.open(dir);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "unlinked as soon as it is open");
        }
        List<Path> fds = open();
        assertEquals(1, fds.size());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(fds.get(0)), "0600");
        f.close();
        assertEquals(List.of(), open());
    }

    @Test
    void readsBackWhatWasWrittenInChunks() throws Exception {
        try (SpoolFile f = spool.open(dir)) {
            ByteBuf a = Unpooled.copiedBuffer("hello, ", StandardCharsets.US_ASCII);
            ByteBuf b = Unpooled.copiedBuffer("world", StandardCharsets.US_ASCII);
            f.append(a, 100);
            f.append(b, 100);
            assertEquals(7, a.readableBytes(), "the buffer's indexes are left as they are");
            a.release();
            b.release();
            assertEquals(12, spool.inUse());
            StringBuilder got = new StringBuilder();
            ByteBuf c;
            while ((c = f.next(ByteBufAllocator.DEFAULT, 5)) != null) {
                got.append(c.toString(StandardCharsets.US_ASCII));
                c.release();
            }
            assertEquals("hello, world", got.toString());
            assertEquals(0, f.unread());
            assertNull(f.next(ByteBufAllocator.DEFAULT, 5));
        }
        assertEquals(0, spool.inUse());
    }

    @Test
    void theCapIsSharedByEveryFile() throws Exception {
        try (SpoolFile one = spool.open(dir); SpoolFile two = spool.open(dir)) {
            ByteBuf b = Unpooled.wrappedBuffer(new byte[600]);
            assertEquals(true, one.append(b, 1000));
            assertFalse(two.append(b, 1000), "600 + 600 passes the cap of 1000");
            assertEquals(600, spool.inUse());
            b.release();
        }
        assertEquals(0, spool.inUse());
    }
}
