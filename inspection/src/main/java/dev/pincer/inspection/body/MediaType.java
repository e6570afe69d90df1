package dev.pincer.inspection.body;

import java.util.Locale;

/**
 * Reads a {@code Content-Type} value (RFC 9110 section 8.3.1) leniently: the lower-cased
 * {@code type/subtype}, and a parameter by name, quoted or not. Never throws.
 *
 * <p>Example: for {@code Multipart/Form-Data; charset=x; BOUNDARY="a b"}, {@code essence} is
 * {@code multipart/form-data} and {@code param(v, "boundary")} is {@code a b}.
 */
final class MediaType {
    private MediaType() {
    }

    /** The lower-cased media type without parameters; {@code ""} for null. */
    static String essence(String value) {
        if (value == null) {
            return "";
        }
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The value of the first parameter called {@code name} (any case), unquoted; null if absent. */
    static String param(String value, String name) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        int i = value.indexOf(';');
        while (i >= 0 && i < n) {
            int start = i + 1;
            int eq = start;
            while (eq < n && value.charAt(eq) != '=' && value.charAt(eq) != ';') {
                eq++;
            }
            if (eq >= n || value.charAt(eq) == ';') {
                i = eq < n ? eq : -1; // a parameter without '='
                continue;
            }
            boolean match = value.substring(start, eq).trim().equalsIgnoreCase(name);
            int v = eq + 1;
            while (v < n && (value.charAt(v) == ' ' || value.charAt(v) == '\t')) {
                v++;
            }
            StringBuilder out = new StringBuilder();
            i = v < n && value.charAt(v) == '"' ? quoted(value, v + 1, out) : token(value, v, out);
            if (match) {
                return out.toString().trim();
            }
            i = value.indexOf(';', i);
        }
        return null;
    }

    private static int quoted(String s, int i, StringBuilder out) {
        for (; i < s.length() && s.charAt(i) != '"'; i++) {
            if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                i++;
            }
            out.append(s.charAt(i));
        }
        return i + 1;
    }

    private static int token(String s, int i, StringBuilder out) {
        for (; i < s.length() && s.charAt(i) != ';'; i++) {
            out.append(s.charAt(i));
        }
        return i;
    }
}
