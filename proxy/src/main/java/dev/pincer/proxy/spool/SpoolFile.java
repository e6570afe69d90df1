package dev.pincer.proxy.spool;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One request's spooled body bytes: appended as they arrive, read back in order once inspection
 * allowed the request. The file is created 0600 in the spool directory and unlinked at once, as
 * nginx does with its client body temp files: nothing of it is left in the directory by any
 * ending (block, error, client abort, shutdown, a crash), and its space is freed when
 * {@link #close()} closes the channel (the exchange's end, on every path) or the process exits.
 * Where a file system cannot unlink an open file, it is deleted at close.
 *
 * <p>I/O is plain {@link FileChannel} calls on the caller's thread (the event loop), as nginx
 * writes its temp files without thread pools: page-cache writes of one network read each. Not
 * thread-safe.
 *
 * <p>Example: {@code append(buf, cap)} twice, then {@code next(alloc, 65536)} until it returns
 * null, then {@code close()}.
 */
public final class SpoolFile implements AutoCloseable {
    private static final FileAttribute<?>[] OWNER_ONLY = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];

    private final BodySpool spool;
    private final FileChannel channel;
    private final Path undeleted;
    private long written;
    private long read;
    private long reserved;
    private boolean closed;

    private SpoolFile(BodySpool spool, FileChannel channel, Path undeleted) {
        this.spool = spool;
        this.channel = channel;
        this.undeleted = undeleted;
    }

    static SpoolFile create(BodySpool spool, Path dir) throws IOException {
        Path p = Files.createTempFile(dir, "pincer-body-", ".tmp", OWNER_ONLY);
        FileChannel ch;
        try {
            ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(p);
            throw e;
        }
        try {
            Files.delete(p);
            return new SpoolFile(spool, ch, null);
        } catch (IOException e) {
            return new SpoolFile(spool, ch, p); // not unlinkable while open: deleted at close
        }
    }

    /**
     * Appends {@code b}'s readable bytes (the buffer's indexes are left as they are).
     *
     * @return false, nothing written, when the spool's global {@code cap} would be passed
     */
    public boolean append(ByteBuf b, long cap) throws IOException {
        int n = b.readableBytes();
        if (n == 0) {
            return true;
        }
        if (!spool.reserve(n, cap)) {
            return false;
        }
        reserved += n;
        int done = 0;
        while (done < n) {
            done += b.getBytes(b.readerIndex() + done, channel, written + done, n - done);
        }
        written += n;
        return true;
    }

    /** Bytes appended and not yet read back. */
    public long unread() {
        return written - read;
    }

    /** The next at most {@code max} unread bytes in a new buffer the caller owns, or null when none are left. */
    public ByteBuf next(ByteBufAllocator alloc, int max) throws IOException {
        int n = (int) Math.min(max, written - read);
        if (n == 0) {
            return null;
        }
        ByteBuf buf = alloc.ioBuffer(n);
        try {
            while (buf.readableBytes() < n) {
                int got = buf.writeBytes(channel, read + buf.readableBytes(), n - buf.readableBytes());
                if (got < 0) {
                    throw new IOException("spool file shorter than written (" + written + " bytes)");
                }
            }
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
        read += n;
        return buf;
    }

    /** Closes the file and gives its bytes back to the spool's budget; idempotent, never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        spool.release(reserved);
        reserved = 0;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do with it: it was unlinked
        }
        if (undeleted != null) {
            try {
                Files.deleteIfExists(undeleted);
            } catch (IOException ignored) {
                // it stays behind; its name says what it is
            }
        }
    }
}
