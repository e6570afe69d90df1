package dev.pincer.inspection.seclang.variables;

/**
 * ModSecurity's two URL decoders, for the variables (not the {@code t:urlDecode} transformation,
 * which is in signatures/).
 * <ul>
 *   <li>{@link #uri}: the path and REQUEST_URI: {@code %XX} with two hex digits becomes the byte,
 *       anything else stays; {@code +} stays.</li>
 *   <li>{@link #argument}: query and form arguments: also {@code +} as space; an invalid
 *       escape stays and is counted (URLENCODED_ERROR).</li>
 * </ul>
 * Input and output are byte strings.
 */
public final class UrlDecoding {

    private UrlDecoding() {
    }

    public static String uri(String s) {
        return decode(s, false, null);
    }

    /** Decodes an argument name or value; {@code invalid[0]} is incremented per bad escape. */
    public static String argument(String s, int[] invalid) {
        return decode(s, true, invalid);
    }

    private static String decode(String s, boolean plus, int[] invalid) {
        int first = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || (plus && c == '+')) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' && plus) {
                out.append(' ');
            } else if (c == '%') {
                int hi = i + 2 < s.length() ? hex(s.charAt(i + 1)) : -1;
                int lo = hi >= 0 ? hex(s.charAt(i + 2)) : -1;
                if (lo >= 0) {
                    out.append((char) (hi << 4 | lo));
                    i += 2;
                } else {
                    if (invalid != null) {
                        invalid[0]++;
                    }
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
