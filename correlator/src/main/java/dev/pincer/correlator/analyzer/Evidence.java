package dev.pincer.correlator.analyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a finding's evidence small: at most {@link #MAX_ITEMS} items of at most {@link #MAX_CHARS}
 * characters each, control characters shown as {@code \xNN}.
 *
 * <p>Example: {@code clip(List.of("'", "OR", "'1'"))} is the same list; a 5 000-character token
 * becomes its first 80 characters followed by {@code …}.
 */
public final class Evidence {
    /** A security event stays one readable line. */
    public static final int MAX_ITEMS = 32;
    /** Long enough for a keyword, a hostname or a path. */
    public static final int MAX_CHARS = 80;

    private Evidence() {
    }

    public static List<String> clip(List<String> items) {
        List<String> out = new ArrayList<>(Math.min(items.size(), MAX_ITEMS));
        for (String s : items) {
            if (out.size() == MAX_ITEMS) {
                break;
            }
            out.add(one(s));
        }
        return out;
    }

    public static List<String> of(String... items) {
        return clip(List.of(items));
    }

    /** One item, clipped and with control characters made visible. */
    public static String one(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_CHARS + 8));
        for (int i = 0; i < s.length() && b.length() < MAX_CHARS; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= MAX_CHARS && s.length() > MAX_CHARS) {
            b.setLength(MAX_CHARS);
            b.append('…');
        }
        return b.toString();
    }
}
