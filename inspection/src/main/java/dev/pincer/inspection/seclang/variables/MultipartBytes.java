package dev.pincer.inspection.seclang.variables;

/**
 * The C library's character tests in the "C" locale, over byte strings (one char per byte), as
 * libmodsecurity v3's multipart parser calls them: bytes 0x80..0xFF are never space, letters or
 * digits. Example: {@code isSpace('\u000b')} is true (C's isspace includes the vertical tab).
 */
final class MultipartBytes {
    private MultipartBytes() {
    }

    /** C isspace: space, \t, \n, \v, \f, \r. */
    static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isAlnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isXDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    /** The string up to its first NUL, as C's string functions see it. */
    static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** ASCII-only lower case (C tolower), for case-insensitive header names. */
    static String lower(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, (char) (c + 32));
            }
        }
        return b == null ? s : b.toString();
    }

    /** utils::string::chomp: strip trailing CR/LF, but leave a string made only of them as it is. */
    static String chomp(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return end == 0 ? s : s.substring(0, end);
    }
}
