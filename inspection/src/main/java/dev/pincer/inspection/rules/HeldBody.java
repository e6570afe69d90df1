package dev.pincer.inspection.rules;

import java.io.ByteArrayOutputStream;

/**
 * A body the rule engine reads at once (phase 2 or 4), kept chunk by chunk up to a limit
 * ({@code SecRequestBodyLimit}, {@code SecResponseBodyLimit}); what goes past it is not kept and
 * {@link #overflowed()} says so.
 *
 * <p>Example: limit 4, chunks "ab" and "cde": {@code bytes()} is "abcd", {@code overflowed()} true.
 */
final class HeldBody {
    private final long limit;
    private ByteArrayOutputStream bytes;
    private boolean overflowed;

    HeldBody(long limit) {
        this.limit = Math.min(Math.max(0, limit), Integer.MAX_VALUE - 8);
    }

    void write(byte[] chunk, int offset, int length) {
        if (bytes == null) {
            bytes = new ByteArrayOutputStream((int) Math.min(Math.min(length, 64 * 1024), limit));
        }
        int room = (int) Math.max(0, limit - bytes.size());
        if (length > room) {
            overflowed = true;
        }
        bytes.write(chunk, offset, Math.min(length, room));
    }

    boolean overflowed() {
        return overflowed;
    }

    /** What was kept, or null when nothing was written. */
    byte[] bytes() {
        return bytes == null ? null : bytes.toByteArray();
    }
}
