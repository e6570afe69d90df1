package dev.pincer.correlator.event;

import java.util.List;

/**
 * JSON text for log lines (RFC 8259 section 7): quotes and backslashes escaped, every control
 * character, lone surrogate half, U+2028 and U+2029 written as a {@code \\u} escape, so a line
 * never breaks and never carries raw terminal control bytes whatever an attacker put in an input.
 */
final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** Appends {@code s} quoted, or {@code null}. */
    static StringBuilder quote(StringBuilder sb, String s) {
        if (s == null) {
            return sb.append("null");
        }
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
                unicode(sb, c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                unicode(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.append('"');
    }

    /** Appends a JSON array of strings. */
    static StringBuilder array(StringBuilder sb, List<String> items) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(sb, items.get(i));
        }
        return sb.append(']');
    }

    /** The first {@code max} characters, never ending in half a surrogate pair. */
    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static void unicode(StringBuilder sb, char c) {
        sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
