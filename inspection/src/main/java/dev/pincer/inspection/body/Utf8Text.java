package dev.pincer.inspection.body;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 helpers for body bytes: a bounded decode (malformed sequences become U+FFFD) and a strict
 * "is this text" test. Never throw; linear time.
 *
 * <p>Example: {@code isText("caf\u00e9\n".getBytes(UTF_8), true)} is true;
 * {@code isText(new byte[] {'a', 0, 'b'}, true)} is false (NUL); the bytes {@code C3} alone are text
 * only when {@code complete} is false (the prefix may have cut a character in two).
 */
final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * Decodes {@code b[from, to)}, reading no more bytes than can matter for a value of
     * {@code maxChars} characters: the result is longer than {@code maxChars} exactly when the
     * input was, so the collector's cut still records the truncation.
     */
    static String decode(byte[] b, int from, int to, int maxChars) {
        long cap = 4L * maxChars + 4;
        int end = to - from > cap ? (int) (from + cap) : to;
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    /** The length of a leading UTF-8 byte order mark, or of the part of one that ends the input; else 0. */
    static int byteOrderMark(byte[] b) {
        int[] bom = {0xEF, 0xBB, 0xBF};
        int n = 0;
        while (n < 3 && n < b.length && (b[n] & 0xff) == bom[n]) {
            n++;
        }
        return n == 3 || n == b.length ? n : 0;
    }

    /**
     * Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF) with no control
     * characters other than tab, line feed, form feed and carriage return. A sequence cut off by
     * the end of an incomplete prefix is accepted.
     */
    static boolean isText(byte[] b, boolean complete) {
        int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                    return false;
                }
                i++;
                continue;
            }
            int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 0) {
                return false;
            }
            for (int k = 1; k < len; k++) {
                if (i + k >= n) {
                    return !complete;
                }
                int d = b[i + k] & 0xff;
                int lo = k > 1 ? 0x80 : c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
                int hi = k > 1 ? 0xBF : c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
                if (d < lo || d > hi) {
                    return false;
                }
            }
            i += len;
        }
        return true;
    }
}
