package dev.pincer.correlator.xss;

import java.util.Locale;

/**
 * The scheme of a URL attribute's value, read as a browser's URL parser reads it (WHATWG URL):
 * leading C0 controls and spaces skipped, tabs and newlines anywhere dropped, the scheme's letters
 * up to the first {@code :}, any case; character references already decoded ({@link Decoded}).
 * A scheme is dangerous when the document runs what follows it: {@code javascript:},
 * {@code vbscript:}, and {@code data:} except raster images ({@code data:image/png}, gif, jpeg, webp,
 * bmp, avif, x-icon), which a browser only displays.
 *
 * <p>Example: {@code " JaVa&#x09;script&colon;alert(1)"} has scheme {@code javascript}, the colon at
 * decoded index 12, and is dangerous.
 */
final class UrlScheme {
    private static final int MAX_SCHEME = 32;
    private static final String[] SAFE_IMAGES = {"image/png", "image/gif", "image/jpeg", "image/jpg", "image/webp",
        "image/bmp", "image/avif", "image/x-icon"};

    private UrlScheme() {
    }

    /** The decoded index of the colon ending a dangerous scheme, or -1 when the URL is not dangerous. */
    static int dangerousColon(Decoded d) {
        int i = 0;
        while (i < d.length && d.chars[i] <= 0x20) {
            i++;
        }
        StringBuilder scheme = new StringBuilder(12);
        for (; i < d.length && scheme.length() <= MAX_SCHEME; i++) {
            char c = d.chars[i];
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == ':') {
                return dangerous(scheme.toString().toLowerCase(Locale.ROOT), d, i + 1) ? i : -1;
            }
            boolean ok = (c | 0x20) >= 'a' && (c | 0x20) <= 'z'
                    || scheme.length() > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!ok) {
                return -1;
            }
            scheme.append(c);
        }
        return -1;
    }

    private static boolean dangerous(String scheme, Decoded d, int after) {
        if (scheme.equals("javascript") || scheme.equals("vbscript")) {
            return true;
        }
        if (!scheme.equals("data")) {
            return false;
        }
        StringBuilder type = new StringBuilder(16);
        for (int i = after; i < d.length && type.length() < 16; i++) {
            char c = d.chars[i];
            if (c == ';' || c == ',') {
                break;
            }
            if (c > 0x20) {
                type.append(Character.toLowerCase(c));
            }
        }
        String t = type.toString();
        for (String safe : SAFE_IMAGES) {
            if (t.equals(safe)) {
                return false;
            }
        }
        return true;
    }
}
