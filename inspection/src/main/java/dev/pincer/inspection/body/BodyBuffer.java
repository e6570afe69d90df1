package dev.pincer.inspection.body;

import java.util.Arrays;

/**
 * Collects, as the body streams past, the bytes of a request body that inspection reads, up to a
 * limit: every byte, except that a {@code multipart/form-data} body with a boundary gives up the
 * content of its file parts ({@link MultipartFilter}), so uploads neither use the limit nor get
 * buffered. The limit is the non-file body limit ({@code body_prefix_bytes}); crossing it is
 * recorded, and nothing past it is kept. File parts declared JSON or XML are kept too, within an
 * allowance of their own as large as the limit ({@link #keepDocument}). Not thread-safe; one per
 * request. Not thread-safe; one per request.
 *
 * <p>Example: {@code BodyBuffer.of("application/json", 4)} then {@code append("{\"a\"}", 0, 5)}
 * returns false: {@link #kept()} is the first 4 bytes and {@link #overflowed()} is true, so the
 * body prefix is not complete.
 */
public final class BodyBuffer {
    private final int limit;
    private final MultipartFilter multipart;
    private byte[] kept = new byte[0];
    private int size;
    private boolean overflowed;
    private int documentBytes; // kept outside the limit, within an allowance as large (keepDocument)

    private BodyBuffer(String contentType, int limit, FileParts files) {
        this.limit = limit;
        String boundary = BodyFormat.declared(MediaType.essence(contentType)) == BodyFormat.MULTIPART
                ? MediaType.param(contentType, "boundary") : null;
        boolean usable = boundary != null && !boundary.isEmpty() && boundary.indexOf('\n') < 0
                && boundary.indexOf('\r') < 0;
        this.multipart = usable ? new MultipartFilter(boundary, this, files) : null;
    }

    /**
     * @param contentType the request's {@code Content-Type}, or null
     * @param limit       the most bytes kept (at least 0)
     */
    public static BodyBuffer of(String contentType, int limit) {
        return of(contentType, limit, null);
    }

    /**
     * As {@link #of(String, int)}, and a multipart body's file parts are told to {@code files} as
     * they stream past (their content still is not kept); a body of any other type tells nothing.
     */
    public static BodyBuffer of(String contentType, int limit, FileParts files) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 0 or more)");
        }
        return new BodyBuffer(contentType, limit, files);
    }

    /** Whether the limit applies to part of the body only (multipart with files): a declared length says little. */
    public boolean filtersFiles() {
        return multipart != null;
    }

    /**
     * Takes the next {@code len} body bytes at {@code b[off]}.
     *
     * @return false when the kept bytes crossed the limit (now or before): the body is incomplete
     */
    public boolean append(byte[] b, int off, int len) {
        if (overflowed) {
            return false;
        }
        return multipart != null ? multipart.feed(b, off, off + len) : keep(b, off, len);
    }

    /** True once more body was to be kept than the limit allows. */
    public boolean overflowed() {
        return overflowed;
    }

    /**
     * A copy of the bytes kept so far: the body prefix inspection parses. Call it once the body
     * ended or overflowed: bytes held back as a possible multipart delimiter are then kept.
     */
    public byte[] kept() {
        if (multipart != null && !overflowed) {
            multipart.flush();
        }
        return Arrays.copyOf(kept, size);
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return kept;
    }

    /**
     * Keeps {@code c}, a byte of a document file part's content ({@link MultipartFilter}), outside
     * the limit: such bytes were never counted against it, so the other bytes of a body that fit
     * still fit. They have an allowance of their own, as large as the limit; crossing it is an
     * overflow like any other (false, and {@link #overflowed()}): the body is then only partly
     * read, and the incomplete-request policy decides it.
     */
    boolean keepDocument(byte c) {
        if (documentBytes >= limit) {
            overflowed = true;
            return false;
        }
        documentBytes++;
        grow(1);
        kept[size++] = c;
        return true;
    }

    boolean keep(byte c) {
        if (size - documentBytes >= limit) {
            overflowed = true;
            return false;
        }
        grow(1);
        kept[size++] = c;
        return true;
    }

    boolean keep(byte[] b, int off, int len) {
        int n = Math.min(len, limit - (size - documentBytes));
        if (n > 0) {
            grow(n);
            System.arraycopy(b, off, kept, size, n);
            size += n;
        }
        if (n < len) {
            overflowed = true;
            return false;
        }
        return true;
    }

    private void grow(int n) {
        if (size + n > kept.length) {
            kept = Arrays.copyOf(kept, (int) Math.min((long) limit + documentBytes, Math.max(size + n, Math.max(1024, 2L * kept.length))));
        }
    }
}
