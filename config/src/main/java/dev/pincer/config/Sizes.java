package dev.pincer.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a config size in bytes: a plain integer ({@code 8192}) or an integer with a binary
 * suffix {@code k}, {@code m}, {@code g} or {@code t}, any case ({@code 32k} is 32768,
 * {@code 10m} is 10485760). The result must lie in the key's range.
 */
final class Sizes {
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,15})([kKmMgGtT]?)");

    private Sizes() {
    }

    /** What a key of this range accepts: {@code a size from 1k to 1m (bytes, or k/m/g/t binary suffix)}. */
    static String expected(long min, long max) {
        return "a size from " + format(min) + " to " + format(max) + " (bytes, or a k/m/g/t suffix)";
    }

    /** @throws IllegalArgumentException with {@link #expected} when the text is not a size in range */
    static long parse(String text, long min, long max) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(expected(min, max));
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (n > (max >> shift)) {
            throw new IllegalArgumentException(expected(min, max));
        }
        long bytes = n << shift;
        if (bytes < min) {
            throw new IllegalArgumentException(expected(min, max));
        }
        return bytes;
    }

    /** The shortest exact spelling: {@code 32k}, {@code 10m}, {@code 100}. */
    static String format(long bytes) {
        String[] units = {"t", "g", "m", "k"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (40 - 10 * i);
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
