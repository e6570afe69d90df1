package dev.pincer.inspection.seclang.variables;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON request body processor: every scalar becomes an argument named as libmodsecurity v3
 * names it: {@code {"a":{"b":1}}} gives {@code json.a.b=1}, {@code {"arr":[1,2]}} gives
 * {@code json.arr.array_0=1} and {@code json.arr.array_1=2}, a top-level array {@code json.array_0},
 * {@code true}/{@code false} as text, {@code null} as "". Strings are unescaped ({@code \u00e9}
 * becomes its UTF-8 bytes); names and values are byte strings.
 *
 * <p>Bounded: nesting deeper than {@link #MAX_DEPTH}, or any syntax error, stops the parse with
 * an error (REQBODY_ERROR); the arguments read before it are kept. Iterative, no recursion.
 */
final class JsonArguments {

    /** Nesting beyond this is an error whatever SecRequestBodyJsonDepthLimit says: it only costs memory. */
    static final int MAX_DEPTH = 10_000;

    interface Sink {
        void argument(String name, String value);
    }

    private final String s;
    private int pos;
    private final List<String> names = new ArrayList<>();     // container names, root first
    private final List<int[]> counters = new ArrayList<>();   // array element counters, or null for maps
    private String key = "";

    private final int maxDepth;

    private JsonArguments(String body, int maxDepth) {
        this.s = body;
        this.maxDepth = Math.min(maxDepth, MAX_DEPTH);
    }

    /** Parses {@code body} (a byte string) nesting at most {@code maxDepth}; null when it is valid JSON, else the reason. */
    static String parse(String body, int maxDepth, Sink sink) {
        return new JsonArguments(body, maxDepth).run(sink);
    }

    private String run(Sink sink) {
        skipBlank();
        if (pos >= s.length()) {
            return "JSON parsing error: the body is empty";
        }
        boolean expectValue = true;
        while (true) {
            skipBlank();
            if (pos >= s.length()) {
                return names.isEmpty() && !expectValue ? null : "JSON parsing error: the body ends inside a value";
            }
            char c = s.charAt(pos);
            if (!expectValue) {
                if (names.isEmpty()) {
                    return "JSON parsing error: text after the value at offset " + pos;
                }
                boolean inArray = counters.get(counters.size() - 1) != null;
                if (c == ',') {
                    pos++;
                    if (!inArray && !readKey()) {
                        return error();
                    }
                    expectValue = true;
                    continue;
                }
                if (c == (inArray ? ']' : '}')) {
                    pos++;
                    close();
                    continue;
                }
                return error();
            }
            if (c == '{' || c == '[') {
                if (names.size() >= maxDepth) {
                    return "JSON parsing error: nesting deeper than " + maxDepth;
                }
                pos++;
                open(c == '[');
                skipBlank();
                if (pos < s.length() && s.charAt(pos) == (c == '[' ? ']' : '}')) {
                    pos++;
                    close();
                    expectValue = false;
                    continue;
                }
                if (c == '{' && !readKey()) {
                    return error();
                }
                continue;
            }
            String value = scalar();
            if (value == null) {
                return error();
            }
            sink.argument(currentName(), value);
            expectValue = false;
        }
    }

    private String error() {
        return "JSON parsing error at offset " + pos;
    }

    private void open(boolean array) {
        String name = names.isEmpty() ? "json" : currentKeyForContainer();
        names.add(name);
        counters.add(array ? new int[1] : null);
        key = "";
    }

    private void close() {
        names.remove(names.size() - 1);
        counters.remove(counters.size() - 1);
        if (!counters.isEmpty() && counters.get(counters.size() - 1) != null) {
            counters.get(counters.size() - 1)[0]++;
        }
    }

    private String currentKeyForContainer() {
        int[] parent = counters.get(counters.size() - 1);
        String k = parent != null ? "" : key.isEmpty() ? "empty-key" : key;
        key = "";
        return k;
    }

    /** The argument name for a scalar at this position, advancing the array counter. */
    private String currentName() {
        if (names.isEmpty()) {
            return "json";
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            path.append(names.get(i));
            int[] counter = counters.get(i);
            path.append(counter != null ? ".array_" + counter[0] : ".");
        }
        int[] last = counters.get(counters.size() - 1);
        if (last != null) {
            last[0]++;
        } else {
            path.append(key.isEmpty() ? "empty-key" : key);
            key = "";
        }
        return path.toString();
    }

    private boolean readKey() {
        skipBlank();
        if (pos >= s.length() || s.charAt(pos) != '"') {
            return false;
        }
        String k = string();
        if (k == null) {
            return false;
        }
        skipBlank();
        if (pos >= s.length() || s.charAt(pos) != ':') {
            return false;
        }
        pos++;
        key = k;
        return true;
    }

    private String scalar() {
        char c = s.charAt(pos);
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", pos)) {
            pos += 4;
            return "true";
        }
        if (s.startsWith("false", pos)) {
            pos += 5;
            return "false";
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return "";
        }
        int start = pos;
        if (c == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos == digits || s.charAt(digits) < '0' || s.charAt(digits) > '9') {
            pos = start;
            return null;
        }
        return s.substring(start, pos);
    }

    /** At a quote: the unescaped string as UTF-8 bytes, or null when it is not valid. */
    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= s.length()) {
                return null;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int cp = hex4();
                    if (cp < 0) {
                        return null;
                    }
                    if (cp >= 0xD800 && cp <= 0xDBFF && s.startsWith("\\u", pos)) {
                        pos += 2;
                        int low = hex4();
                        if (low >= 0xDC00 && low <= 0xDFFF) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        } else if (low < 0) {
                            return null;
                        }
                    }
                    utf8(cp, out);
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private int hex4() {
        if (pos + 4 > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        pos += 4;
        return v;
    }

    private static void utf8(int cp, StringBuilder out) {
        if (cp < 0x80) {
            out.append((char) cp);
        } else if (cp < 0x800) {
            out.append((char) (0xC0 | cp >> 6)).append((char) (0x80 | cp & 0x3F));
        } else if (cp < 0x10000) {
            out.append((char) (0xE0 | cp >> 12)).append((char) (0x80 | cp >> 6 & 0x3F))
                    .append((char) (0x80 | cp & 0x3F));
        } else {
            out.append((char) (0xF0 | cp >> 18)).append((char) (0x80 | cp >> 12 & 0x3F))
                    .append((char) (0x80 | cp >> 6 & 0x3F)).append((char) (0x80 | cp & 0x3F));
        }
    }

    private void skipBlank() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
