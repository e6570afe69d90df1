package dev.pincer.inspection.seclang.variables;

/**
 * Finds the boundary in a multipart Content-Type header, as libmodsecurity v3's
 * {@code Multipart::init} does, setting the C-T flags on the way.
 *
 * <p>Argument: the header value (a byte string). Result: the boundary, or null with
 * {@link MultipartFlags#message} set. Flags: {@code boundaryQuoted} for {@code boundary="x"},
 * {@code boundaryWhitespace} for space around {@code =}, {@code missingSemicolon} when no
 * {@code ;} precedes {@code boundary}, {@code error} for every rejection.
 * Example: {@code multipart/form-data; boundary="abc"} gives {@code abc} with
 * {@code boundaryQuoted}; {@code multipart/form-data; boundary=a; boundary=b} gives null with
 * "Multipart: Multiple boundary parameters in C-T.".
 *
 * <p>One deviation: an empty boundary ({@code boundary=""} or {@code boundary=}) makes v3 stop
 * without any error, so the body is never parsed and nothing flags it; here it is the error
 * "Multipart: Invalid boundary in C-T (empty)." (v3's own text for that case).
 */
final class MultipartContentType {
    /** Longest Content-Type v3 accepts. */
    static final int MAX_HEADER = 1024;
    private static final String MIME = "multipart/form-data";

    private MultipartContentType() {
    }

    static String boundary(String header, MultipartFlags flags) {
        if (header.isEmpty()) {
            return fail(flags, "Multipart: Content-Type header not available.");
        }
        if (header.length() > MAX_HEADER) {
            return fail(flags, "Multipart: Invalid boundary in C-T (length).");
        }
        String h = MultipartBytes.cString(header);
        if (!h.regionMatches(true, 0, MIME, 0, MIME.length())) {
            return fail(flags, "Multipart: Invalid MIME type.");
        }
        if (countBoundaryParams(h) > 1) {
            return fail(flags, "Multipart: Multiple boundary parameters in C-T.");
        }
        int at = h.indexOf("boundary");
        if (at < 0) {
            if (countBoundaryParams(h) > 0) {
                return fail(flags, "Multipart: Invalid boundary in C-T (case sensitivity).");
            }
            return fail(flags, "Multipart: Boundary not found in C-T.");
        }
        boolean semicolon = false;
        for (int p = MIME.length(); p < at; p++) {
            char c = h.charAt(p);
            if (MultipartBytes.isSpace(c)) {
                continue;
            }
            if (semicolon || c != ';') {
                return fail(flags, "Multipart: Invalid boundary in C-T (malformed).");
            }
            semicolon = true;
        }
        if (!semicolon) {
            flags.missingSemicolon = true;
        }
        int eq = h.indexOf('=', at + 8);
        if (eq < 0) {
            return fail(flags, "Multipart: Invalid boundary in C-T (malformed).");
        }
        for (int p = at + 8; p < eq; p++) {
            if (!MultipartBytes.isSpace(h.charAt(p))) {
                return fail(flags, "Multipart: Invalid boundary in C-T (parameter name).");
            }
            flags.boundaryWhitespace = true;
        }
        String rest = h.substring(eq + 1);
        int len = rest.length();
        if (len > 0 && MultipartBytes.isSpace(rest.charAt(0))) {
            flags.boundaryWhitespace = true;
        }
        String boundary;
        if (len >= 2 && rest.charAt(0) == '"' && rest.charAt(len - 1) == '"') {
            boundary = rest.substring(1, len - 1);
            if (boundary.isEmpty()) {
                return fail(flags, "Multipart: Invalid boundary in C-T (empty).");
            }
            flags.boundaryQuoted = true;
        } else {
            if ((len > 0 && rest.charAt(0) == '"') || (len >= 2 && rest.charAt(len - 1) == '"')) {
                return fail(flags, "Multipart: Invalid boundary in C-T (quote).");
            }
            boundary = rest;
            if (boundary.isEmpty()) {
                return fail(flags, "Multipart: Invalid boundary in C-T (empty).");
            }
        }
        if (countBoundaryParams(boundary) != 0) {
            return fail(flags, "Multipart: Invalid boundary in C-T (content).");
        }
        if (!validCharacters(boundary)) {
            // Tolerated like v3: frameworks that append "; charset=..." after the boundary.
            int semi = boundary.indexOf(';');
            if (semi >= 0) {
                boundary = boundary.substring(0, semi);
            }
        }
        if (!validCharacters(boundary)) {
            return fail(flags, "Multipart: Invalid boundary in C-T (characters).");
        }
        if (boundary.isEmpty()) {
            return fail(flags, "Multipart: Invalid boundary in C-T (empty).");
        }
        return boundary;
    }

    /** How many times "boundary" (any case) occurs with an '=' somewhere after it. */
    static int countBoundaryParams(String value) {
        int lastEq = value.lastIndexOf('=');
        int count = 0;
        int from = 0;
        while (true) {
            int at = indexOfIgnoreCase(value, "boundary", from);
            if (at < 0) {
                return count;
            }
            from = at + 8;
            if (lastEq >= from) {
                count++;
            }
        }
    }

    /** RFC 2046 boundary characters (bchars); space allowed, but not last. */
    static boolean validCharacters(String boundary) {
        int n = boundary.length();
        for (int i = 0; i < n; i++) {
            char c = boundary.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c == ' ' && i + 1 < n) || "'()+_,-./:=?".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfIgnoreCase(String s, String lowerNeedle, int from) {
        int last = s.length() - lowerNeedle.length();
        for (int i = from; i <= last; i++) {
            if (s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static String fail(MultipartFlags flags, String message) {
        flags.error = true;
        flags.message = message;
        return null;
    }
}
