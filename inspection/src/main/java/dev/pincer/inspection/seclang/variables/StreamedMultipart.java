package dev.pincer.inspection.seclang.variables;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code multipart/form-data} request body parsed by the MULTIPART processor as it streams past,
 * piece by piece, so that phase 2 sees every non-file part and each file part's headers, name,
 * filename and size without the body being held in memory: the same variables, in the same order,
 * as {@link MultipartArguments#parse} gives for the whole body at once.
 *
 * <p>Memory: file contents are counted, never kept; what the parse keeps (field values, part
 * headers, names) is bounded by the non-file limit, ModSecurity's SecRequestBodyNoFilesLimit. The
 * first byte past it makes the body {@link #overflowed()}: nothing more is parsed and phase 2 must
 * treat the body as incomplete. Non-file bytes are every byte that is not the content of a file
 * part: boundaries, part headers, field values, preamble and epilogue.
 *
 * <p>Example: {@code new StreamedMultipart("multipart/form-data; boundary=b", 131072)}, then
 * {@code write} of {@code --b\r\nContent-Disposition: form-data; name="f"; filename="a.png"\r\n\r\n}
 * and 2 MiB of picture and {@code \r\n--b--\r\n}: not overflowed (about 90 non-file bytes);
 * {@link #finish} gives FILES:f=a.png, FILES_SIZES:f=2097152 and no error.
 */
public final class StreamedMultipart {
    private final MultipartFlags flags = new MultipartFlags();
    private final Relay sink = new Relay();
    private final MultipartReader reader;
    private final long noFilesLimit;
    private long length;
    private boolean overflowed;
    private boolean finished;

    /**
     * @param contentType  the request's Content-Type (its boundary), or null
     * @param noFilesLimit the most non-file bytes parsed (at least 0)
     */
    public StreamedMultipart(String contentType, long noFilesLimit) {
        if (noFilesLimit < 0) {
            throw new IllegalArgumentException("noFilesLimit: " + noFilesLimit + " (expected: 0 or more)");
        }
        this.noFilesLimit = noFilesLimit;
        MultipartFlags.zeros(sink);
        String boundary = MultipartContentType.boundary(contentType == null ? "" : contentType, flags);
        this.reader = boundary == null ? null : new MultipartReader(boundary, flags, sink);
    }

    /** The next {@code len} body bytes; the array is only read during the call. */
    public void write(byte[] b, int off, int len) {
        if (finished) {
            throw new IllegalStateException("finished");
        }
        length += len;
        if (overflowed || reader == null || len == 0) {
            return;
        }
        reader.process(new Latin1(b, off, len));
        if (nonFileBytes() > noFilesLimit) {
            overflowed = true; // what was parsed stays; nothing after it is read
        }
    }

    /** Every byte written, file contents included: REQUEST_BODY_LENGTH. */
    public long length() {
        return length;
    }

    /** True once the non-file bytes passed the limit: phase 2 sees only what came before. */
    public boolean overflowed() {
        return overflowed;
    }

    /** The bytes written that are not file content (those the parse is still deciding about count). */
    long nonFileBytes() {
        return reader == null ? length : length - reader.fileBytes() - reader.unclassified();
    }

    /**
     * Ends the parse and tells {@code target} everything, in {@link MultipartSink}'s order; once.
     *
     * @return null when the body parsed, else REQBODY_ERROR_MSG as {@link MultipartArguments#parse} gives it
     */
    String finish(MultipartSink target) {
        if (finished) {
            throw new IllegalStateException("finished");
        }
        finished = true;
        sink.replayTo(target);
        if (reader == null) {
            flags.emit(target);
            return MultipartArguments.ERROR_PREFIX + flags.message;
        }
        reader.complete(); // an overflow is the caller's to judge (incomplete), not a parse error
        return flags.message == null ? null : MultipartArguments.ERROR_PREFIX + flags.message;
    }

    /** Keeps the calls made while parsing (flags, part headers, names), then passes calls straight on. */
    private static final class Relay implements MultipartSink {
        private final List<String[]> kept = new ArrayList<>();
        private MultipartSink target;

        void replayTo(MultipartSink t) {
            for (String[] c : kept) {
                if (c[0] == null) {
                    t.partHeader(c[1], c[2]);
                } else {
                    t.flag(c[1], c[2]);
                }
            }
            kept.clear();
            target = t;
        }

        @Override
        public void field(String name, String value) {
            target().field(name, value);
        }

        @Override
        public void file(String name, String fileName, long size, String contentType) {
            target().file(name, fileName, size, contentType);
        }

        @Override
        public void partHeader(String partName, String headerLine) {
            if (target != null) {
                target.partHeader(partName, headerLine);
            } else {
                kept.add(new String[] {null, partName, headerLine});
            }
        }

        @Override
        public void flag(String variable, String value) {
            if (target != null) {
                target.flag(variable, value);
            } else {
                kept.add(new String[] {"", variable, value});
            }
        }

        private MultipartSink target() {
            if (target == null) {
                throw new IllegalStateException("fields and files come at the end"); // the reader's contract
            }
            return target;
        }
    }

    /** Body bytes as a byte string (one char per byte) without a copy. */
    private record Latin1(byte[] b, int off, int len) implements CharSequence {
        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int i) {
            return (char) (b[off + i] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Latin1(b, off + start, end - start);
        }

        @Override
        public String toString() {
            return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
