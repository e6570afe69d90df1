package dev.pincer.inspection.internal;

import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code %XX} escapes exactly once. Runs of consecutive escapes are decoded as UTF-8, with
 * each malformed sequence (overlong forms, stray continuation bytes, encoded surrogates) replaced by
 * U+FFFD. An escape that is not {@code %} followed by two hex digits ({@code %u0027}, {@code %4},
 * {@code %zz}) is kept literally. Never throws; linear time; returns {@code s} itself when there is
 * nothing to decode.
 *
 * <p>Example: {@code decode("a+%27%2527%C0%AE", true)} is {@code "a '%27\uFFFD\uFFFD"}: the
 * {@code %25} becomes {@code %} but is not decoded a second time.
 */
public final class PercentDecoder {
    private PercentDecoder() {
    }

    /**
     * @param s          the encoded text
     * @param plusAsSpace whether {@code +} means a space (query strings and form bodies)
     */
    public static String decode(String s, boolean plusAsSpace) {
        int len = s.length();
        int i = 0;
        while (i < len && s.charAt(i) != '%' && (s.charAt(i) != '+' || !plusAsSpace)) {
            i++;
        }
        if (i == len) {
            return s;
        }
        StringBuilder out = new StringBuilder(len).append(s, 0, i);
        byte[] run = null;
        int n = 0;
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c == '%' && hexPair(s, i + 1) >= 0) {
                if (run == null) {
                    run = new byte[len / 3 + 1];
                }
                run[n++] = (byte) hexPair(s, i + 1);
                i += 2;
                continue;
            }
            if (n > 0) {
                out.append(new String(run, 0, n, StandardCharsets.UTF_8));
                n = 0;
            }
            out.append(c == '+' && plusAsSpace ? ' ' : c);
        }
        if (n > 0) {
            out.append(new String(run, 0, n, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The byte encoded by the two hex digits at {@code s[at, at + 2)}, or -1. */
    private static int hexPair(String s, int at) {
        if (at + 1 >= s.length()) {
            return -1;
        }
        int hi = hex(s.charAt(at));
        int lo = hex(s.charAt(at + 1));
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    /** ASCII hex digits only: {@code Character.digit} would also accept e.g. Arabic-Indic digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
