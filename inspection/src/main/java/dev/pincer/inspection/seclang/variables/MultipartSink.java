package dev.pincer.inspection.seclang.variables;

/**
 * What the multipart processor found; the rule engine turns it into ModSecurity variables.
 *
 * <p>All strings are byte strings (one char per byte, 0..255). Calls arrive in the order
 * libmodsecurity v3 sets the variables: {@code MULTIPART_NAME}/{@code MULTIPART_FILENAME} and
 * {@code MULTIPART_PART_HEADERS} while parsing, then the flags, then the fields and files.
 *
 * <p>Example: {@code --b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--} gives
 * {@code partHeader("a", "Content-Disposition: form-data; name=\"a\"")}, the flags, then
 * {@code field("a", "1")}.
 */
interface MultipartSink {
    /** A part without filename: ARGS_POST name=value (value: the part's body bytes as a byte string). */
    void field(String name, String value);

    /** A file part: FILES:name=fileName, FILES_NAMES, FILES_SIZES (size in bytes), and its Content-Type. */
    void file(String name, String fileName, long size, String contentType);

    /** A header line of a part, for MULTIPART_PART_HEADERS:name (name as written, value as written). */
    void partHeader(String partName, String headerLine);

    /**
     * A flag variable, e.g. flag("MULTIPART_STRICT_ERROR", "1"), flag("MULTIPART_BOUNDARY_QUOTED", "1").
     *
     * <p>Two variables are collections, not flags: each {@code flag("MULTIPART_NAME", n)} and
     * {@code flag("MULTIPART_FILENAME", f)} adds one member (v3 keys the member by its value).
     */
    void flag(String variable, String value);
}
