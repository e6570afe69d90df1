package dev.pincer.inspection.body;

import java.nio.charset.StandardCharsets;

/**
 * The base64 reading of a value, shared by the sensor hint (inspection) and the correlator's
 * input forms, so that a family the correlator could judge through it is never fast-pathed: only
 * a whole value in one base64 alphabet that decodes to UTF-8 text counts. Linear, never throws.
 */
public final class Base64Text {
    private Base64Text() {
    }

    /** Shorter than this is too likely a plain word that happens to be base64 ({@code admin123}). */
    public static final int MIN_CHARS = 8;

    /**
     * Base64-decodes {@code s} (the standard or the URL-safe alphabet, padded or not) when it is
     * all base64, at least {@link #MIN_CHARS} characters, and decodes to UTF-8 text without
     * control characters other than tab, CR and LF: what an application that decodes a base64
     * parameter or cookie reads. Otherwise {@code s}, as it was.
     *
     * <p>Example: {@code decode("eCcgT1IgJzEnPScx")} is {@code "x' OR '1'='1"};
     * {@code decode("3f2a9c1e7d4b4e8a")} is itself (its bytes are not UTF-8).
     */
    public static String decode(String s) {
        int n = s.length();
        if (n < MIN_CHARS || n > 1 << 20) {
            return s;
        }
        int end = n;
        while (end > 0 && s.charAt(end - 1) == '=' && n - end < 2) {
            end--;
        }
        boolean standard = false;
        boolean urlSafe = false;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '/') {
                standard = true;
            } else if (c == '-' || c == '_') {
                urlSafe = true;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return s;
            }
        }
        if (standard && urlSafe || end % 4 == 1 || end < n && n % 4 != 0) {
            return s;
        }
        byte[] bytes;
        try {
            bytes = (urlSafe ? java.util.Base64.getUrlDecoder() : java.util.Base64.getDecoder()).decode(s.substring(0, end));
        } catch (IllegalArgumentException e) {
            return s;
        }
        // the same test of text the body processors use: no exception per value that is not text
        if (bytes.length == 0 || !Utf8Text.isText(bytes, true)) {
            return s;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text;
    }

}
