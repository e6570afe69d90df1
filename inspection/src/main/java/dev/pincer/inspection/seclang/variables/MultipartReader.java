package dev.pincer.inspection.seclang.variables;

import java.util.ArrayList;
import java.util.List;

/**
 * The line machine of libmodsecurity v3's {@code Multipart::process} and
 * {@code multipart_complete}, reimplemented: the body is cut into lines of at most
 * {@value #BUF} bytes (v3's {@code MULTIPART_BUF_SIZE}; a {@code \r} is never the last byte of
 * a full buffer), and each line is a boundary, a part header or part data.
 *
 * Part headers are {@link MultipartHeaderLines}' business.
 *
 * <p>Faithful to v3, on purpose, including what looks odd:
 * <ul>
 *   <li>An error in a part header (missing or bad Content-Disposition, no colon, a NUL) is
 *       recorded but does not stop parsing: v3 tests its result with {@code < 0} and it never is.
 *       The part stays in header state, so its data lines are read as headers.</li>
 *   <li>Errors that do stop (bad boundary line, header line over 4096 bytes) leave the final
 *       boundary unseen, so v3's {@code multipart_complete} replaces the message with
 *       "Multipart: Final boundary missing.". The parts completed before stay.</li>
 *   <li>A form field's value is its lines without their line endings: v3 keeps the CR/LF of a
 *       line aside and then overwrites it ({@code d.assign} twice), so {@code a\r\nb} gives
 *       {@code ab}. File sizes do count the inner line endings.</li>
 *   <li>MULTIPART_UNMATCHED_BOUNDARY becomes 2 at every boundary after the first.</li>
 * </ul>
 *
 * <p>Deviations, for safety: a duplicate part header, which v3 drops silently, is the error
 * "Multipart: Duplicate part header: NAME."; at most {@value #MAX_PARTS} parts are reported (v3's
 * file limit only applies when it writes files to disk), the next ones set
 * MULTIPART_FILE_LIMIT_EXCEEDED and an error. Time is linear in the body: the search for the
 * boundary inside a line is KMP, and folded headers append in place.
 *
 * <p>Example: {@code --b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b--\r\n}
 * gives the field a=x and no error.
 */
final class MultipartReader {
    static final int BUF = 4096;
    static final int MAX_PARTS = 1000;

    private final String boundary;
    private final int[] kmp;
    private final String marker;
    private final MultipartFlags flags;
    private final MultipartSink sink;

    private final char[] buf = new char[BUF];
    private int len;
    private boolean lineStart = true;
    private int crlfState;
    private int crlfStateBufEnd;

    private MultipartPart part;
    private boolean inData;
    private boolean dataRead;
    private int reserve;
    private boolean seenData;
    private boolean complete;
    private int boundaryCount;
    private final List<MultipartPart> parts = new ArrayList<>();
    private final MultipartHeaderLines headers;
    private boolean stopped;
    private long fileBytes;

    MultipartReader(String boundary, MultipartFlags flags, MultipartSink sink) {
        this.boundary = boundary;
        this.marker = "--" + boundary;
        this.kmp = failure(marker);
        this.flags = flags;
        this.sink = sink;
        this.headers = new MultipartHeaderLines(flags, sink);
    }

    /**
     * Feeds the body, whole or in consecutive pieces (one char per byte). Stops at the first fatal
     * error (message in the flags) and reads nothing after it; data after the final boundary sets
     * MULTIPART_DATA_AFTER, also when it arrives in a later piece.
     */
    void process(CharSequence data) {
        int n = data.length();
        if (n == 0 || stopped) {
            return;
        }
        seenData = true;
        if (complete) {
            flags.dataAfter = true;
            return;
        }
        int i = 0;
        while (i < n) {
            char c = data.charAt(i);
            boolean flush = false;
            if (c == '\r' && len == BUF - 1) {
                flush = true;
            } else {
                i++;
                buf[len++] = c;
            }
            if (c == '\n' || len == BUF || flush) {
                if (!line(flush)) {
                    return;
                }
                len = 0;
                lineStart = c == '\n';
                if (c == '\n') {
                    crlfState = crlfState == 1 ? 3 : 2;
                }
                crlfStateBufEnd = crlfState;
            }
            if (c == '\r') {
                crlfState = 1;
            } else if (c != '\n') {
                crlfState = 0;
            }
            if (complete && i < n) {
                flags.dataAfter = true;
                return;
            }
        }
    }

    /** Ends the parse: a final boundary left without line ending, the end errors, then the sink. */
    void complete() {
        if (seenData && !complete) {
            if (boundaryCount > 0) {
                int b = boundary.length();
                if (lineStart && len == 4 + b && buf[0] == '-' && buf[1] == '-' && matchesAt(2)
                        && buf[2 + b] == '-' && buf[3 + b] == '-') {
                    if (crlfStateBufEnd == 2) {
                        flags.lfLine = true;
                    }
                    if (!dataRead) {
                        flags.invalidPart = true;
                    }
                    boundary(true);
                    complete = true;
                }
                if (!complete) {
                    flags.message = "Multipart: Final boundary missing.";
                }
            } else {
                flags.message = "Multipart: No boundaries found in payload.";
            }
        }
        flags.emit(sink);
        for (MultipartPart p : parts) {
            if (p.file) {
                sink.file(p.name, p.fileName, p.size, p.contentType());
            } else {
                sink.field(p.name, p.value.toString());
            }
        }
    }

    /** One buffer (a line, or a piece of a long one); false on a fatal error. */
    private boolean line(boolean flush) {
        int clen = cLength();
        if (lineStart && clen > 3 && buf[0] == '-' && buf[1] == '-') {
            if (clen >= boundary.length() + 2 && matchesAt(2)) {
                if (crlfStateBufEnd == 2) {
                    flags.lfLine = true;
                }
                if (!dataRead && boundaryCount > 0) {
                    // Our boundary where the part's data should begin: v3 keeps it as content.
                    flags.invalidPart = true;
                } else {
                    return boundaryLine();
                }
            } else {
                if (flags.boundaryQuoted && clen >= boundary.length() + 3 && buf[2] == '"'
                        && matchesAt(3)) {
                    return fatal("Multipart: Invalid boundary (quotes).");
                }
                int p = 2;
                while (MultipartBytes.isSpace(at(p))) {
                    p++;
                }
                if (p != 2 && matchesAt(p)) {
                    return fatal("Multipart: Invalid boundary (whitespace).");
                }
                flags.unmatchedBoundary = 1;
            }
        } else if (lineStart && containsMarker()) {
            flags.unmatchedBoundary = 1;
        }
        if (part == null) {
            flags.dataBefore = true;
        } else if (!inData) {
            if (len == BUF || flush) {
                return fatal("Multipart: Part header line over " + BUF + " bytes long");
            }
            if (headers.line(part, buf, len)) {
                inData = true;
                dataRead = false;
            }
        } else {
            data();
        }
        return true;
    }

    /** A line that is our boundary: ends the part, maybe starts the next. */
    private boolean boundaryLine() {
        int end = 2 + boundary.length();
        if (boundaryCount > 0) {
            flags.unmatchedBoundary = 2;
        }
        boolean last = false;
        if (at(end) == '-' && at(end + 1) == '-') {
            last = true;
            end += 2;
            if (complete) {
                return fatal("Multipart: Invalid boundary (final duplicate).");
            }
        }
        boolean crlf = at(end) == '\r' && at(end + 1) == '\n' && at(end + 2) == 0;
        boolean lf = at(end) == '\n' && at(end + 1) == 0;
        if (!crlf && !lf) {
            return fatal("Multipart: Invalid boundary: " + new String(buf, 0, cLength()));
        }
        if (lf) {
            flags.lfLine = true;
        } else {
            flags.crlfLine = true;
        }
        boundary(last);
        if (last) {
            complete = true;
        }
        boundaryCount++;
        return true;
    }

    /** v3's process_boundary: hands over the part being built, starts a new one unless last. */
    private void boundary(boolean last) {
        if (part != null) {
            for (String headerLine : part.headerLines) {
                sink.partHeader(part.name, headerLine);
            }
            if (part.name.isEmpty()) {
                flags.invalidPart = true;
            } else if (parts.size() >= MAX_PARTS) {
                flags.fileLimitExceeded = true;
                flags.message = "Multipart: Too many parts (limit " + MAX_PARTS + ").";
            } else {
                parts.add(part);
            }
            part = null;
        }
        if (!last) {
            part = new MultipartPart();
            inData = false;
            dataRead = false;
            reserve = 0;
        }
    }

    /** v3's process_part_data: the line's CR/LF (or LF) is held back until the next line. */
    private void data() {
        dataRead = true;
        int held = 0;
        if (len >= 1 && buf[len - 1] == '\n') {
            held = len >= 2 && buf[len - 2] == '\r' ? 2 : 1;
        }
        int n = len - held;
        if (part.file) {
            part.size += n + reserve;
            fileBytes += n + reserve;
        } else {
            part.value.append(buf, 0, n);
        }
        reserve = held;
    }

    /** The bytes of file-part content read so far (what FILES_SIZES adds up to). */
    long fileBytes() {
        return fileBytes;
    }

    /**
     * Bytes fed but not yet known to be file content or not: the open line, and a file line's
     * held-back line ending (content if more data follows, the delimiter's if a boundary does).
     */
    int unclassified() {
        return len + (part != null && part.file && inData ? reserve : 0);
    }

    private boolean fatal(String message) {
        stopped = true;
        flags.error = true;
        flags.message = message;
        return false;
    }

    /** The buffer byte at i, 0 at and past its end (the C terminator). */
    private int at(int i) {
        return i < len ? buf[i] : 0;
    }

    /** strlen of the buffer: up to its first NUL. */
    private int cLength() {
        for (int i = 0; i < len; i++) {
            if (buf[i] == 0) {
                return i;
            }
        }
        return len;
    }

    /** strncmp(buf + from, boundary, |boundary|) == 0. */
    private boolean matchesAt(int from) {
        int b = boundary.length();
        if (from + b > len) {
            return false;
        }
        for (int i = 0; i < b; i++) {
            if (buf[from + i] != boundary.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether "--" + boundary occurs anywhere in the buffer (KMP, linear). */
    private boolean containsMarker() {
        int k = 0;
        int m = marker.length();
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            while (k > 0 && marker.charAt(k) != c) {
                k = kmp[k - 1];
            }
            if (marker.charAt(k) == c) {
                k++;
            }
            if (k == m) {
                return true;
            }
        }
        return false;
    }

    private static int[] failure(String pattern) {
        int[] f = new int[pattern.length()];
        int k = 0;
        for (int i = 1; i < pattern.length(); i++) {
            while (k > 0 && pattern.charAt(k) != pattern.charAt(i)) {
                k = f[k - 1];
            }
            if (pattern.charAt(k) == pattern.charAt(i)) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
