package dev.pincer.correlator.ssrf;

/**
 * An input URL as {@code java.net.URL} prints it ({@code toExternalForm()}, which is what the
 * sensor reports for {@code URL.openConnection}): outer blanks and control characters trimmed, one
 * {@code url:} prefix skipped (any case), and an empty authority dropped, so {@code file:///etc/passwd}
 * becomes {@code file:/etc/passwd}. The scheme's case is left alone (inputs are searched ignoring
 * case). A string that does not start with a scheme is only trimmed. A pure function, linear, never
 * throws.
 *
 * <p>Example: {@code of(" url:FILE:///etc/./passwd")} is {@code "FILE:/etc/./passwd"};
 * {@code of("http://127.0.0.1:8080/")} is unchanged.
 */
final class JavaUrlForm {
    /** {@code java.net.URL} reads at most this much as a scheme; longer runs are not schemes. */
    private static final int MAX_SCHEME = 32;

    private JavaUrlForm() {
    }

    static String of(String f) {
        int start = 0;
        int limit = f.length();
        while (limit > 0 && f.charAt(limit - 1) <= ' ') {
            limit--;
        }
        while (start < limit && f.charAt(start) <= ' ') {
            start++;
        }
        if (f.regionMatches(true, start, "url:", 0, 4)) {
            start += 4;
        }
        String s = f.substring(start, limit);
        int colon = schemeEnd(s);
        if (colon > 0 && s.startsWith("///", colon + 1)) {
            return s.substring(0, colon + 1) + s.substring(colon + 3);
        }
        return s;
    }

    /** The index of the {@code :} after a leading scheme ({@code ALPHA *(ALPHA / DIGIT / + - .)}), or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length() && i <= MAX_SCHEME; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
}
