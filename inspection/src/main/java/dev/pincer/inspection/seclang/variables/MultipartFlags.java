package dev.pincer.inspection.seclang.variables;

import java.util.List;

/**
 * The state flags of one multipart parse and its last error, as libmodsecurity v3 keeps them
 * ({@code m_flag_*} in {@code multipart.cc}).
 *
 * <p>{@link #zeros} reports every flag as "0" and {@link #emit} reports each set one as {@code MULTIPART_*} with its value: {@code "0"}/{@code "1"},
 * except {@code MULTIPART_UNMATCHED_BOUNDARY}, which v3 sets to {@code "2"} once a boundary
 * matched after an earlier one (so rule 200004's {@code @eq 1} only fires for an unmatched
 * boundary after the last good one). {@code MULTIPART_STRICT_ERROR} is the OR of all others
 * except {@code UNMATCHED_BOUNDARY} and {@code CRLF_LF_LINES}, plus the internal error flag.
 * Example: a body with LF-only line endings gives {@code MULTIPART_LF_LINE=1} and
 * {@code MULTIPART_STRICT_ERROR=1}.
 */
final class MultipartFlags {
    /** Every flag variable, in the order they are reported. */
    static final List<String> NAMES = List.of(
            "MULTIPART_STRICT_ERROR", "MULTIPART_BOUNDARY_QUOTED", "MULTIPART_BOUNDARY_WHITESPACE",
            "MULTIPART_DATA_BEFORE", "MULTIPART_DATA_AFTER", "MULTIPART_HEADER_FOLDING",
            "MULTIPART_LF_LINE", "MULTIPART_CRLF_LF_LINES", "MULTIPART_MISSING_SEMICOLON",
            "MULTIPART_INVALID_QUOTING", "MULTIPART_INVALID_PART", "MULTIPART_INVALID_HEADER_FOLDING",
            "MULTIPART_FILE_LIMIT_EXCEEDED", "MULTIPART_UNMATCHED_BOUNDARY");

    boolean error;
    boolean boundaryQuoted;
    boolean boundaryWhitespace;
    boolean dataBefore;
    boolean dataAfter;
    boolean headerFolding;
    boolean lfLine;
    boolean crlfLine;
    boolean missingSemicolon;
    boolean invalidQuoting;
    boolean invalidPart;
    boolean invalidHeaderFolding;
    boolean fileLimitExceeded;
    /** 0 none, 1 a line looked like our boundary but was not, 2 a boundary matched after another. */
    int unmatchedBoundary;

    /** The last error message (v3 overwrites it, so the last one wins); null when none. */
    String message;

    boolean strictError() {
        return error || boundaryQuoted || boundaryWhitespace || dataBefore || dataAfter
                || headerFolding || lfLine || missingSemicolon || invalidQuoting || invalidPart
                || invalidHeaderFolding || fileLimitExceeded;
    }

    /** Reports every flag as "0", so that each variable exists; called before parsing. */
    static void zeros(MultipartSink sink) {
        for (String name : NAMES) {
            sink.flag(name, "0");
        }
    }

    /** Reports the flags that are set, with their value; called when parsing is over. */
    void emit(MultipartSink sink) {
        set(sink, "MULTIPART_STRICT_ERROR", strictError());
        set(sink, "MULTIPART_BOUNDARY_QUOTED", boundaryQuoted);
        set(sink, "MULTIPART_BOUNDARY_WHITESPACE", boundaryWhitespace);
        set(sink, "MULTIPART_DATA_BEFORE", dataBefore);
        set(sink, "MULTIPART_DATA_AFTER", dataAfter);
        set(sink, "MULTIPART_HEADER_FOLDING", headerFolding);
        set(sink, "MULTIPART_LF_LINE", lfLine);
        set(sink, "MULTIPART_CRLF_LF_LINES", crlfLine && lfLine);
        set(sink, "MULTIPART_MISSING_SEMICOLON", missingSemicolon);
        set(sink, "MULTIPART_INVALID_QUOTING", invalidQuoting);
        set(sink, "MULTIPART_INVALID_PART", invalidPart);
        set(sink, "MULTIPART_INVALID_HEADER_FOLDING", invalidHeaderFolding);
        set(sink, "MULTIPART_FILE_LIMIT_EXCEEDED", fileLimitExceeded);
        if (unmatchedBoundary != 0) {
            sink.flag("MULTIPART_UNMATCHED_BOUNDARY", Integer.toString(unmatchedBoundary));
        }
    }

    private static void set(MultipartSink sink, String name, boolean value) {
        if (value) {
            sink.flag(name, "1");
        }
    }
}
