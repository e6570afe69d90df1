package dev.pincer.proxy.forward;

import dev.pincer.config.LimitsConfig;
import dev.pincer.proxy.spool.BodySpool;
import dev.pincer.proxy.spool.SpoolFile;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request body an exchange holds back from the upstream, oldest first: while inspection reads
 * it, and until the upstream connection is ready. The first {@code limits.body_memory_bytes} stay
 * in memory as the contents that arrived; from the first content that would pass them on, every
 * content's bytes go to a {@link SpoolFile} (the global cap permitting) and the content is
 * released, a last content's trailers kept. Read back with {@link #next}: the memory contents,
 * then the file in chunks while the upstream is writable, then the last content: the body goes up
 * exactly as it was received, its framing written by the proxy.
 *
 * <p>Ownership: {@link #add} takes the content in every case (held, or spooled and released, or
 * released when refused); {@link #next} hands out contents the caller owns; {@link #releaseAll}
 * releases what is still held and closes the file, on every path out of the exchange.
 *
 * <p>Example: 128 KiB in memory, a 2 MiB upload in 16 KiB contents: 8 held, 120 spooled; then
 * {@code next} gives the 8, then 32 chunks of 64 KiB, then an empty last content.
 */
final class HeldRequest {
    /** One read of the spool file: what the upstream's default write-buffer high-water mark takes. */
    static final int CHUNK = 64 * 1024;

    private final BodySpool spool;
    private final LimitsConfig limits;
    private final Held<HttpContent> memory = new Held<>();
    private long inMemory;
    private long counted;
    private SpoolFile file;
    private boolean lastSpooled;
    private HttpHeaders trailers;
    private boolean lastOut;

    HeldRequest(BodySpool spool, LimitsConfig limits) {
        this.spool = spool;
        this.limits = limits;
    }

    /**
     * Holds {@code c}, counting its bytes toward the hold limit when {@code count}.
     *
     * @return null when held; else why it could not be ("cap": the global spool cap; "io": the
     *         spool directory failed), and {@code c} was released
     */
    String add(HttpContent c, boolean count) {
        int n = c.content().readableBytes();
        if (count) {
            counted += n;
        }
        if (file == null && inMemory + n <= limits.bodyMemoryBytes()) {
            memory.add(c, 0);
            inMemory += n;
            return null;
        }
        try {
            if (file == null) {
                file = spool.open(limits.bodySpoolDir());
            }
            if (!file.append(c.content(), limits.bodySpoolMaxBytes())) {
                return "cap";
            }
            if (c instanceof LastHttpContent last) {
                lastSpooled = true;
                trailers = last.trailingHeaders().copy();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "io";
        } finally {
            c.release();
        }
    }

    /** Content bytes counted since the start (not lowered by {@link #next}): what the hold limit counts. */
    long bytes() {
        return counted;
    }

    /** True when a file holds part of the body. */
    boolean spooled() {
        return file != null;
    }

    /** True when nothing is left to hand out. */
    boolean isEmpty() {
        return memory.isEmpty() && (file == null || (file.unread() == 0 && (!lastSpooled || lastOut)));
    }

    /**
     * The next held content, which the caller now owns, or null: none left, or only spooled bytes
     * while {@code writable} is false (the upstream cannot take more; ask again on its writability).
     *
     * @throws UncheckedIOException when the spool file cannot be read back
     */
    HttpContent next(ByteBufAllocator alloc, boolean writable) {
        HttpContent m = memory.poll();
        if (m != null) {
            inMemory -= m.content().readableBytes();
            return m;
        }
        if (file == null || !writable || lastOut) {
            return null;
        }
        try {
            io.netty.buffer.ByteBuf chunk = file.next(alloc, CHUNK);
            if (chunk != null) {
                return new DefaultHttpContent(chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!lastSpooled) {
            return null; // the rest of the body is still on its way from the client
        }
        lastOut = true;
        file.close(); // the whole body went up: its spool space is free again
        LastHttpContent last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
        last.trailingHeaders().set(trailers);
        return last;
    }

    /** Releases what is still held and closes the spool file; idempotent. */
    void releaseAll() {
        memory.releaseAll();
        inMemory = 0;
        if (file != null) {
            file.close();
        }
    }
}
