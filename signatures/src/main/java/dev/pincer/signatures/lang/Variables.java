package dev.pincer.signatures.lang;

import java.util.Locale;
import java.util.Set;

/**
 * The variable names of ModSecurity v3 ({@code src/parser/seclang-scanner.ll}), upper-case.
 * A <em>collection</em> takes a key ({@code ARGS:foo}, {@code TX:/^x_/}); any other variable is
 * a single value and takes none. {@code WEBSERVER_ERROR_LOG}, which v3 rejects, is not listed.
 *
 * <p>Example: {@code Variables.isKnown("request_headers")} and
 * {@code Variables.isCollection("REQUEST_HEADERS")} are true; {@code isCollection("REQUEST_URI")}
 * is false.
 */
public final class Variables {

    private static final Set<String> COLLECTIONS = Set.of(
            "ARGS", "ARGS_GET", "ARGS_POST", "ARGS_NAMES", "ARGS_GET_NAMES", "ARGS_POST_NAMES",
            "FILES", "FILES_NAMES", "FILES_SIZES", "FILES_TMPNAMES", "FILES_TMP_CONTENT",
            "MATCHED_VARS", "MATCHED_VARS_NAMES",
            "MULTIPART_FILENAME", "MULTIPART_NAME", "MULTIPART_PART_HEADERS",
            "REQUEST_COOKIES", "REQUEST_COOKIES_NAMES", "REQUEST_HEADERS", "REQUEST_HEADERS_NAMES",
            "RESPONSE_HEADERS", "RESPONSE_HEADERS_NAMES",
            "GEO", "RULE", "XML", "ENV",
            "TX", "IP", "GLOBAL", "RESOURCE", "SESSION", "USER");

    private static final Set<String> SINGLE = Set.of(
            "ARGS_COMBINED_SIZE", "AUTH_TYPE", "FILES_COMBINED_SIZE", "FULL_REQUEST",
            "FULL_REQUEST_LENGTH", "INBOUND_DATA_ERROR", "MATCHED_VAR", "MATCHED_VAR_NAME",
            "MSC_PCRE_ERROR", "MSC_PCRE_LIMITS_EXCEEDED",
            "MULTIPART_BOUNDARY_QUOTED", "MULTIPART_BOUNDARY_WHITESPACE", "MULTIPART_CRLF_LF_LINES",
            "MULTIPART_DATA_AFTER", "MULTIPART_DATA_BEFORE", "MULTIPART_FILE_LIMIT_EXCEEDED",
            "MULTIPART_HEADER_FOLDING", "MULTIPART_INVALID_HEADER_FOLDING", "MULTIPART_INVALID_PART",
            "MULTIPART_INVALID_QUOTING", "MULTIPART_LF_LINE", "MULTIPART_MISSING_SEMICOLON",
            "MULTIPART_SEMICOLON_MISSING", "MULTIPART_STRICT_ERROR", "MULTIPART_UNMATCHED_BOUNDARY",
            "OUTBOUND_DATA_ERROR", "PATH_INFO", "QUERY_STRING", "REMOTE_ADDR", "REMOTE_HOST",
            "REMOTE_PORT", "REMOTE_USER", "REQBODY_ERROR", "REQBODY_ERROR_MSG",
            "REQBODY_PROCESSOR_ERROR", "REQBODY_PROCESSOR_ERROR_MSG", "REQBODY_PROCESSOR",
            "REQUEST_BASENAME", "REQUEST_BODY", "REQUEST_BODY_LENGTH", "REQUEST_FILENAME",
            "REQUEST_LINE", "REQUEST_METHOD", "REQUEST_PROTOCOL", "REQUEST_URI", "REQUEST_URI_RAW",
            "RESPONSE_BODY", "RESPONSE_CONTENT_LENGTH", "RESPONSE_CONTENT_TYPE", "RESPONSE_PROTOCOL",
            "RESPONSE_STATUS", "SERVER_ADDR", "SERVER_NAME", "SERVER_PORT", "SESSIONID", "STATUS",
            "STATUS_LINE", "UNIQUE_ID", "URLENCODED_ERROR", "USERID", "WEBAPPID",
            "MODSEC_BUILD", "DURATION", "HIGHEST_SEVERITY",
            "TIME", "TIME_DAY", "TIME_EPOCH", "TIME_HOUR", "TIME_MIN", "TIME_MON", "TIME_SEC",
            "TIME_WDAY", "TIME_YEAR");

    private Variables() {}

    /** Whether {@code name} (any case) is a ModSecurity v3 variable. */
    public static boolean isKnown(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return COLLECTIONS.contains(upper) || SINGLE.contains(upper);
    }

    /** Whether {@code name} (any case) is a collection, which takes a key. */
    public static boolean isCollection(String name) {
        return COLLECTIONS.contains(name.toUpperCase(Locale.ROOT));
    }
}
