package dev.pincer.inspection.body;

import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.internal.InputCollector;
import java.nio.charset.StandardCharsets;

/**
 * {@code multipart/form-data} bodies (RFC 7578, delimiters per RFC 2046 section 5.1.1). A part
 * without a file name gives one MULTIPART_FIELD input, named by its {@code name} parameter, with
 * the part content as UTF-8 text. A part with {@code filename} or {@code filename*} is a file: each
 * non-empty file name is a MULTIPART_FILENAME input ({@code filename*} percent-decoded), and the
 * file content is not an input, unless the part is a JSON or XML document
 * ({@link PartHeaders#document}): then its content is a MULTIPART_FIELD input too. Tolerant where clients differ: bare LF line breaks, transport
 * padding after a delimiter, a preamble and an epilogue. At most {@code maxParts} parts are read.
 *
 * <p>Finding delimiters is linear: a delimiter can only start a line, and comparing the boundary at
 * a line start never reads past that line. Faults: {@code multipart: no boundary},
 * {@code multipart: no delimiter}, {@code multipart: unexpected end at offset N},
 * {@code multipart: missing close delimiter}; the last three only when the body is complete.
 *
 * <p>Example: with boundary {@code XX}, the body
 * {@code --XX\r\nContent-Disposition: form-data; name="q"\r\n\r\n1'--\r\n--XX--\r\n} gives
 * {@code MULTIPART_FIELD q "1'--"}.
 */
final class MultipartBody {
    private static final int CLOSE = -3;
    private static final int NOT_DELIMITER = -2;
    private static final int ENDS = -1;

    private final byte[] b;
    private final byte[] dash;
    private final InputCollector out;

    private MultipartBody(byte[] b, byte[] dash, InputCollector out) {
        this.b = b;
        this.dash = dash;
        this.out = out;
    }

    static void parse(byte[] body, String boundary, boolean complete, InputCollector out) {
        if (boundary == null || boundary.isEmpty() || boundary.indexOf('\n') >= 0 || boundary.indexOf('\r') >= 0) {
            out.malformed("multipart: no boundary");
            return;
        }
        String ended = new MultipartBody(body, ("--" + boundary).getBytes(StandardCharsets.UTF_8), out).parts();
        if (ended != null && complete) {
            out.malformed("multipart: " + ended);
        }
    }

    /** Reads every part; null when done (closed, limit or collector full), else why the input ran out. */
    private String parts() {
        int at = delimiter(0);
        if (at < 0) {
            return "no delimiter";
        }
        for (int count = 1; ; count++) {
            int line = lineAfter(at + dash.length);
            if (line == CLOSE) {
                return null;
            }
            if (line == ENDS) {
                return "unexpected end at offset " + b.length;
            }
            if (count > out.maxParts()) {
                out.truncated(Truncation.COUNT);
                return null;
            }
            int content = headersEnd(line);
            if (content < 0) {
                return "unexpected end at offset " + b.length;
            }
            int next = delimiter(content);
            int end = next < 0 ? b.length : contentEnd(next, content);
            boolean document = PartHeaders.document(PartHeaders.contentType(b, line, content));
            if (!PartHeaders.parse(b, line, content).emit(b, content, end, out, document)) {
                return null;
            }
            if (next < 0) {
                return "missing close delimiter";
            }
            at = next;
        }
    }

    /** The first line start at or after {@code from} that is a delimiter line, or -1. */
    private int delimiter(int from) {
        int i = from;
        while (i < b.length) {
            if ((i == 0 || b[i - 1] == '\n') && startsWithDash(i) && lineAfter(i + dash.length) != NOT_DELIMITER) {
                return i;
            }
            while (i < b.length && b[i] != '\n') {
                i++;
            }
            i++;
        }
        return -1;
    }

    private boolean startsWithDash(int i) {
        if (i + dash.length > b.length) {
            return false;
        }
        for (int k = 0; k < dash.length; k++) {
            if (b[i + k] != dash[k]) {
                return false;
            }
        }
        return true;
    }

    /** After a boundary: CLOSE for {@code --}, the index past {@code [ \t]*\r?\n}, ENDS, or NOT_DELIMITER. */
    private int lineAfter(int i) {
        if (i < b.length && b[i] == '-') {
            return i + 1 >= b.length ? ENDS : b[i + 1] == '-' ? CLOSE : NOT_DELIMITER;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        return i >= b.length ? ENDS : b[i] == '\n' ? i + 1 : NOT_DELIMITER;
    }

    /** The index just past the empty line that ends the part headers starting at {@code i}, or -1. */
    private int headersEnd(int i) {
        while (i < b.length) {
            if (b[i] == '\n') {
                return i + 1;
            }
            if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                return i + 2;
            }
            while (i < b.length && b[i] != '\n') {
                i++;
            }
            i++;
        }
        return -1;
    }

    /** The end of a part's content: the delimiter's start minus the line break before it. */
    private int contentEnd(int delimiter, int content) {
        int end = delimiter;
        if (end > content && b[end - 1] == '\n') {
            end--;
            if (end > content && b[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }
}
