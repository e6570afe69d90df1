package dev.pincer.inspection.seclang.variables;

/**
 * The header block of one part, line by line, as libmodsecurity v3's
 * {@code process_part_header}: {@code Name: value} lines (name: printable ASCII without
 * {@code :}, matched case-insensitively; value: leading blanks skipped, trailing CR/LF chomped),
 * folded continuation lines (any C white space first; anything but space or tab also sets
 * MULTIPART_INVALID_HEADER_FOLDING), and the blank line that ends the block, where the
 * Content-Disposition is parsed ({@link MultipartDisposition}).
 *
 * <p>Every error here only records its message and drops the line; parsing goes on (v3 tests the
 * result with {@code < 0}, which it never is). A folded value over {@value MultipartReader#BUF}
 * bytes is "Multipart: Part header too long.". One deviation: a duplicate header, which v3 drops
 * silently, is the error "Multipart: Duplicate part header: NAME." (the first one still counts).
 * Example: the lines {@code Content-Disposition: form-data;}, {@code  name="a"} and a blank line
 * give the header value {@code form-data; name="a"}, MULTIPART_HEADER_FOLDING, and true at the
 * blank line.
 */
final class MultipartHeaderLines {
    private final MultipartFlags flags;
    private final MultipartSink sink;

    MultipartHeaderLines(MultipartFlags flags, MultipartSink sink) {
        this.flags = flags;
        this.sink = sink;
    }

    /**
     * v3's process_part_header for one line (it ends with LF) of the part's header block.
     * Returns true when it was the blank line and the headers are good: the part's data follows.
     */
    boolean line(MultipartPart part, char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            if (buf[i] == 0) {
                flags.message = "Multipart: Nul byte in part headers.";
                return false;
            }
        }
        int content = len - 1;
        if (len > 1 && buf[len - 2] == '\r') {
            flags.crlfLine = true;
            content--;
        } else {
            flags.lfLine = true;
        }
        if ((len == 2 && buf[0] == '\r') || len == 1) {
            return endOfHeaders(part);
        }
        if (MultipartBytes.isSpace(buf[0])) {
            folded(part, buf, len);
        } else {
            newHeader(part, buf, len, content);
        }
        return false;
    }

    private boolean endOfHeaders(MultipartPart part) {
        part.recordOpenLine();
        MultipartPart.Header cd = part.header("Content-Disposition");
        if (cd == null) {
            flags.message = "Multipart: Part missing Content-Disposition header.";
            return false;
        }
        String value = cd.value.toString();
        int rc = MultipartDisposition.parse(value, part, flags, sink);
        if (rc < 0) {
            flags.message = "Multipart: Invalid Content-Disposition header (" + rc + "): " + value;
            return false;
        }
        if (part.name.isEmpty()) {
            flags.message = "Multipart: Content-Disposition header missing name field.";
            return false;
        }
        if (!part.fileName.isEmpty()) {
            // A parser that did not understand the header as we did must not see a field.
            if (!value.contains("filename=")) {
                flags.message = "Multipart: Invalid Content-Disposition header (filename).";
                return false;
            }
            part.file = true;
        } else {
            part.file = false;
        }
        part.lastHeaderName = "";
        return true;
    }

    private void folded(MultipartPart part, char[] buf, int len) {
        flags.headerFolding = true;
        if (buf[0] != '\t' && buf[0] != ' ') {
            flags.invalidHeaderFolding = true;
        }
        if (part.lastHeaderName.isEmpty()) {
            flags.message = "Multipart: Invalid part header (folding error).";
            return;
        }
        int d = 0;
        while (d < len && MultipartBytes.isSpace(buf[d])) {
            if (buf[d] != '\t' && buf[d] != ' ') {
                flags.invalidHeaderFolding = true;
            }
            d++;
        }
        String more = MultipartBytes.chomp(new String(buf, d, len - d));
        MultipartPart.Header h = part.header(part.lastHeaderName);
        boolean tooLong = h.value.length() + 1 + more.length() > MultipartReader.BUF;
        if (tooLong) {
            part.freezeOpenLine();
        }
        h.value.append(' ').append(more);
        if (tooLong) {
            flags.message = "Multipart: Part header too long.";
            return;
        }
        part.openFolded(h);
    }

    private void newHeader(MultipartPart part, char[] buf, int len, int content) {
        part.recordOpenLine();
        int colon = -1;
        for (int i = 0; i < len; i++) {
            if (buf[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            flags.message = "Multipart: Invalid part header (colon missing): " + new String(buf, 0, len);
            return;
        }
        if (colon == 0) {
            flags.message = "Multipart: Invalid part header (header name missing).";
            return;
        }
        for (int i = 0; i < colon; i++) {
            if (buf[i] < 33 || buf[i] > 126) {
                flags.message = "Multipart: Invalid part header (contains invalid character).";
                return;
            }
        }
        String name = new String(buf, 0, colon);
        int v = colon + 1;
        while (v < len && (buf[v] == '\t' || buf[v] == ' ')) {
            v++;
        }
        if (part.header(name) != null) {
            flags.message = "Multipart: Duplicate part header: " + name + ".";
            return;
        }
        part.putHeader(name, MultipartBytes.chomp(new String(buf, v, len - v)));
        part.openRaw(content > 0 ? new String(buf, 0, content) : "");
    }
}
