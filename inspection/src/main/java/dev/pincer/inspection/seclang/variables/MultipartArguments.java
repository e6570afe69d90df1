package dev.pincer.inspection.seclang.variables;

import java.util.Objects;

/**
 * ModSecurity's MULTIPART request body processor: turns a {@code multipart/form-data} body into
 * ARGS_POST, FILES*, MULTIPART_PART_HEADERS, MULTIPART_NAME/FILENAME and the strict
 * {@code MULTIPART_*} flags, with libmodsecurity v3's semantics ({@code multipart.cc}).
 *
 * <p>Steps: {@link MultipartFlags#zeros} reports every flag as "0"; {@link MultipartContentType}
 * takes the boundary from the Content-Type; {@link MultipartReader} reads the body line by line;
 * at the end the flags that are set, then the fields and files, go to the sink. As in v3, the
 * flags are reported even when the Content-Type is rejected, and parts completed before a
 * fatal error are still reported.
 *
 * <p>Example: body {@code --b\r\nContent-Disposition: form-data; name="q"\r\n\r\n1' or 1=1\r\n--b--},
 * content type {@code multipart/form-data; boundary=b}: the sink gets
 * {@code partHeader("q", "Content-Disposition: form-data; name=\"q\"")}, the flags (all 0), and
 * {@code field("q", "1' or 1=1")}; the result is null.
 */
final class MultipartArguments {
    /** v3's prefix of REQBODY_ERROR_MSG for this processor. */
    static final String ERROR_PREFIX = "Multipart parsing error: ";

    private MultipartArguments() {
    }

    /**
     * Parses body (a byte string: one char per byte) with the boundary of contentType; null when OK,
     * else the error message for REQBODY_ERROR_MSG. Never throws.
     *
     * <p>The message is REQBODY_ERROR_MSG exactly as v3 sets it, prefix included, e.g.
     * {@code "Multipart parsing error: Multipart: Final boundary missing."}. A null body or
     * content type counts as empty. An empty body is not an error (v3 does not look at it).
     */
    static String parse(String body, String contentType, MultipartSink sink) {
        Objects.requireNonNull(sink, "sink");
        MultipartFlags.zeros(sink);
        MultipartFlags flags = new MultipartFlags();
        String boundary = MultipartContentType.boundary(contentType == null ? "" : contentType, flags);
        if (boundary == null) {
            flags.emit(sink);
            return ERROR_PREFIX + flags.message;
        }
        MultipartReader reader = new MultipartReader(boundary, flags, sink);
        reader.process(body == null ? "" : body);
        reader.complete();
        return flags.message == null ? null : ERROR_PREFIX + flags.message;
    }
}
