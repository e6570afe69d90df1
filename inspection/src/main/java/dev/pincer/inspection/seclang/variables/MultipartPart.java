package dev.pincer.inspection.seclang.variables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One part being built by {@link MultipartReader}: its headers, name, filename and data.
 *
 * <p>Header names are matched case-insensitively (ASCII), as v3's {@code MyHash}/{@code MyEqual};
 * the value of a header is a {@link StringBuilder} so that folded continuation lines append in
 * linear time. The header line that is still open is kept either as the raw line or as a
 * reference to a folded header, and is only turned into a string when it is recorded, so that a
 * long run of folded lines never copies the growing value again and again.
 * Example: {@code Content-Disposition: form-data; name="a"} is stored under
 * {@code content-disposition} with the value {@code form-data; name="a"}.
 */
final class MultipartPart {
    /** A header as written: its name and its (possibly folded) value. */
    static final class Header {
        final String name;
        final StringBuilder value;

        Header(String name, String value) {
            this.name = name;
            this.value = new StringBuilder(value);
        }
    }

    final Map<String, Header> headers = new HashMap<>();
    final List<String> headerLines = new ArrayList<>();
    /** The name of the last header added, empty when none (then folding is an error). */
    String lastHeaderName = "";
    private String openLine = "";
    private Header openFolded;

    String name = "";
    String fileName = "";
    boolean file;
    final StringBuilder value = new StringBuilder();
    long size;

    Header header(String headerName) {
        return headers.get(MultipartBytes.lower(headerName));
    }

    void putHeader(String headerName, String headerValue) {
        headers.put(MultipartBytes.lower(headerName), new Header(headerName, headerValue));
        lastHeaderName = headerName;
    }

    /** The open header line is this raw line (without its line ending). */
    void openRaw(String line) {
        openLine = line;
        openFolded = null;
    }

    /** The open header line is "name: value" of this folded header, as it grows. */
    void openFolded(Header header) {
        openFolded = header;
        openLine = "";
    }

    /** Turns the open line, if folded, into a fixed string (its value will grow, the line not). */
    void freezeOpenLine() {
        if (openFolded != null) {
            openLine = openFolded.name + ": " + openFolded.value;
            openFolded = null;
        }
    }

    /** Records the open header line, if any, for MULTIPART_PART_HEADERS, and closes it. */
    void recordOpenLine() {
        freezeOpenLine();
        if (!openLine.isEmpty()) {
            headerLines.add(openLine);
            openLine = "";
        }
    }

    String contentType() {
        Header h = header("Content-Type");
        return h == null ? "" : h.value.toString();
    }
}
