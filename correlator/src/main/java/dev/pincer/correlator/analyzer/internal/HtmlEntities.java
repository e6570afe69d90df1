package dev.pincer.correlator.analyzer.internal;

import java.util.Map;

/**
 * HTML character-reference decoding, for apps that unescape an input (or store it escaped and
 * unescape it later) before it reaches a sink. Numeric references with or without the closing
 * {@code ;}; the named references that matter for injection. Linear, never throws.
 *
 * <p>Example: {@code decode("&#x27; OR &#39;1&#39;=&apos;1")} is {@code "' OR '1'='1"}.
 */
final class HtmlEntities {
    private static final Map<String, Character> NAMED = Map.ofEntries(
            Map.entry("amp", '&'), Map.entry("lt", '<'), Map.entry("gt", '>'),
            Map.entry("quot", '"'), Map.entry("apos", '\''), Map.entry("nbsp", '\u00a0'),
            Map.entry("sol", '/'), Map.entry("bsol", '\\'), Map.entry("lpar", '('),
            Map.entry("rpar", ')'), Map.entry("semi", ';'), Map.entry("equals", '='),
            Map.entry("colon", ':'), Map.entry("period", '.'), Map.entry("comma", ','),
            Map.entry("num", '#'), Map.entry("dollar", '$'), Map.entry("grave", '`'),
            Map.entry("vert", '|'), Map.entry("ast", '*'), Map.entry("Tab", '\t'),
            Map.entry("NewLine", '\n'));
    private static final int MAX_NAME = 8;

    private HtmlEntities() {
    }

    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int next = c == '&' ? reference(s, i, out) : -1;
            if (next < 0) {
                out.append(c);
                i++;
            } else {
                i = next;
            }
        }
        return out.toString();
    }

    /** Appends the reference at {@code amp} and returns the index after it, or -1 if there is none. */
    private static int reference(String s, int amp, StringBuilder out) {
        int i = amp + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            boolean hex = i + 1 < s.length() && (s.charAt(i + 1) | 0x20) == 'x';
            int j = hex ? i + 2 : i + 1;
            int v = 0;
            int start = j;
            while (j < s.length() && j - start < 7 && Character.digit(s.charAt(j), hex ? 16 : 10) >= 0
                    && s.charAt(j) < 0x80) {
                v = v * (hex ? 16 : 10) + Character.digit(s.charAt(j), 16);
                j++;
            }
            if (j == start || !Character.isValidCodePoint(v)) {
                return -1;
            }
            out.appendCodePoint(v);
            return j < s.length() && s.charAt(j) == ';' ? j + 1 : j;
        }
        int semi = -1;
        for (int j = i; j < s.length() && j - i <= MAX_NAME; j++) {
            if (s.charAt(j) == ';') {
                semi = j;
                break;
            }
        }
        Character named = semi > i ? NAMED.get(s.substring(i, semi)) : null;
        if (named == null) {
            return -1;
        }
        out.append(named.charValue());
        return semi + 1;
    }
}
