package dev.pincer.inspection.body;

import java.nio.charset.StandardCharsets;

/**
 * Streams a {@code multipart/form-data} body and passes on everything but the content of file
 * parts, so a large upload costs no memory and none of the non-file body limit, while its part
 * headers (and so its file names) are still inspected. Delimiters are found exactly as
 * {@link MultipartBody} finds them (at a line start: {@code --boundary}, then {@code --} or
 * {@code [ \t]*\r?\n}), so the kept bytes parse as the same parts with each file's content empty.
 * Only a part with a plain {@code filename} parameter is a file here: one with only
 * {@code filename*}, which not every application honours, is kept like a field. A file part that
 * is a JSON or XML document ({@link PartHeaders#document}) is told as a file and also has its
 * content kept, outside the limit but within an allowance as large ({@link BodyBuffer#keepDocument};
 * past it the body overflows like any other), to be read as a field.
 *
 * <p>Example: with boundary {@code b}, the body
 * {@code --b\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\n\r\n<10 MiB>\r\n--b--}
 * keeps {@code --b\r\nContent-Disposition: ...\r\n\r\n--b--}: 70-odd bytes.
 *
 * <p>A {@link FileParts} listener, when given, is told of each file part as it passes (the upload
 * detector reads the first bytes of each file this way, without a second multipart parser). With a
 * listener, a part with only {@code filename*} is a file too (an application that honours it
 * stores the content as a file), so its content is told, not kept.
 */
final class MultipartFilter {
    private static final int MAX_PENDING = 256;
    private static final int PREAMBLE = 0;
    private static final int HEADERS = 1;
    private static final int FIELD = 2;
    private static final int FILE = 3;
    private static final int EPILOGUE = 4;
    /** A JSON or XML file part ({@link PartHeaders#document}): told as a file, and its start kept. */
    private static final int DOCUMENT = 5;

    private final byte[] dash;
    private final BodyBuffer out;
    private final FileParts files;
    private final byte[] pending;
    private int pn;
    private int tail; // 0 after the dash, 1 after a '-', 2 after '\r'
    private boolean matching;
    private boolean lineStart = true;
    private int mode = PREAMBLE;
    private int headerStart;
    private int lineLength;
    private boolean lineIsCr;

    /** @param files told about each file part's start, content and end; null for none */
    MultipartFilter(String boundary, BodyBuffer out, FileParts files) {
        this.dash = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
        this.out = out;
        this.files = files;
        this.pending = new byte[dash.length + MAX_PENDING];
    }

    /** Feeds {@code b[from, to)}; false once the buffer is full. */
    boolean feed(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!feed(b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The body ended (or is being read as it is): bytes held back as a possible delimiter are
     * content after all, kept unless they are in a file.
     */
    void flush() {
        if (matching) {
            notDelimiter();
        }
    }

    private boolean feed(byte c) {
        if (matching) {
            return delimiterByte(c);
        }
        if (lineStart && c == dash[0] && mode != HEADERS && mode != EPILOGUE) {
            matching = true;
            pending[0] = c;
            pn = 1;
            tail = 0;
            lineStart = false;
            return true;
        }
        return normal(c);
    }

    private boolean delimiterByte(byte c) {
        pending[pn++] = c;
        if (pn <= dash.length) {
            return c == dash[pn - 1] ? true : notDelimiter();
        }
        if (tail == 1) {
            return c == '-' ? delimiter(true) : notDelimiter();
        }
        if (tail == 2) {
            return c == '\n' ? delimiter(false) : notDelimiter();
        }
        if (c == '-' && pn == dash.length + 1) {
            tail = 1;
        } else if (c == '\r') {
            tail = 2;
        } else if (c == '\n') {
            return delimiter(false);
        } else if (c != ' ' && c != '\t' || pn == pending.length) {
            return notDelimiter();
        }
        return true;
    }

    /** What looked like a delimiter is content: replay it as such. */
    private boolean notDelimiter() {
        matching = false;
        for (int i = 0; i < pn; i++) {
            if (!normal(pending[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean delimiter(boolean close) {
        matching = false;
        if ((mode == FILE || mode == DOCUMENT) && files != null) {
            files.end();
        }
        if (!out.keep(pending, 0, pn)) {
            return false;
        }
        if (close) {
            mode = EPILOGUE; // whatever follows ("\r\n", an epilogue) is kept as it comes
        } else {
            mode = HEADERS;
            headerStart = out.size();
            lineLength = 0;
            lineStart = true;
        }
        return true;
    }

    private boolean normal(byte c) {
        lineStart = c == '\n';
        if (mode == FILE || mode == DOCUMENT) {
            if (files != null) {
                files.content(c);
            }
            return mode != DOCUMENT || out.keepDocument(c); // outside the limit, within its own allowance
        }
        if (!out.keep(c)) {
            return false;
        }
        if (mode == HEADERS) {
            if (c != '\n') {
                lineLength++;
                lineIsCr = lineLength == 1 && c == '\r';
            } else if (lineLength == 0 || lineLength == 1 && lineIsCr) { // "\n" or "\r\n", as MultipartBody
                mode = isFile() ? document() ? DOCUMENT : FILE : FIELD;
            } else {
                lineLength = 0;
            }
        }
        return true;
    }

    private boolean document() {
        return PartHeaders.document(PartHeaders.contentType(out.bytes(), headerStart, out.size()));
    }

    private boolean isFile() {
        byte[] kept = out.bytes();
        PartHeaders h = PartHeaders.parse(kept, headerStart, out.size());
        if (files != null && h.isFile()) { // the listener sees filename*-only parts as files too
            files.start(PartHeaders.contentType(kept, headerStart, out.size()), h.firstFilename());
            return true;
        }
        return !h.filenames().isEmpty();
    }
}
