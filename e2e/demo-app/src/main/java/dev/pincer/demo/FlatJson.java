package dev.pincer.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the top-level scalar fields of a JSON object: {@code {"name": "x", "id": 3}} gives
 * {@code name=x, id=3}. Nested objects and arrays are skipped. Throws
 * {@link IllegalArgumentException} on malformed input. Enough for the demo's JSON endpoints.
 *
 * <p>{@link #parseLenient} reads the way lenient JSON libraries do (org.json, Gson's lenient mode,
 * JSON5): comments, single-quoted strings, unquoted names and values (up to the next delimiter,
 * spaces kept, as org.json reads them), {@code =} or {@code =>} after a name, {@code ;} between
 * members and a trailing separator. {@code {name: x' OR '1'='1}} gives {@code name=x' OR '1'}.
 */
final class FlatJson {
    private static final String DELIMITERS = ",:]}/\\\"[{;=#";
    private final String s;
    private final boolean lenient;
    private int i;

    private FlatJson(String s, boolean lenient) {
        this.s = s;
        this.lenient = lenient;
    }

    static Map<String, String> parse(String text) {
        return parse(text, false);
    }

    static Map<String, String> parseLenient(String text) {
        return parse(text, true);
    }

    private static Map<String, String> parse(String text, boolean lenient) {
        FlatJson p = new FlatJson(text, lenient);
        Map<String, String> out = new LinkedHashMap<>();
        p.ws();
        p.expect('{');
        p.ws();
        if (p.peek() == '}') {
            return out;
        }
        while (true) {
            p.ws();
            if (lenient && p.peek() == '}') {
                return out; // a trailing separator
            }
            String key = lenient ? p.lenientScalar() : p.string();
            p.ws();
            char sep = p.next();
            if (lenient && sep == '=' && p.i < text.length() && text.charAt(p.i) == '>') {
                p.i++;
            } else if (sep != ':' && !(lenient && sep == '=')) {
                throw new IllegalArgumentException("expected : at " + (p.i - 1));
            }
            p.ws();
            String value = p.value();
            if (value != null) {
                out.put(key, value);
            }
            p.ws();
            char c = p.next();
            if (c == '}') {
                return out;
            }
            if (c != ',' && !(lenient && c == ';')) {
                throw new IllegalArgumentException("expected , or } at " + p.i);
            }
        }
    }

    /** A scalar as text (null for JSON null and for skipped containers). */
    private String value() {
        char c = peek();
        if (lenient && c != '{' && c != '[') {
            String v = lenientScalar();
            return v.equalsIgnoreCase("null") ? null : v;
        }
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            skipContainer();
            return null;
        }
        int start = i;
        while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        String word = s.substring(start, i);
        if (word.isEmpty()) {
            throw new IllegalArgumentException("expected a value at " + start);
        }
        return word.equals("null") ? null : word;
    }

    private void skipContainer() {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                string();
                continue;
            }
            i++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    /** A quoted (either quote) or unquoted name or value, as org.json reads it. */
    private String lenientScalar() {
        char c = peek();
        if (c == '"' || c == '\'') {
            return string(c);
        }
        int start = i;
        while (i < s.length() && s.charAt(i) >= ' ' && DELIMITERS.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        String word = s.substring(start, i).strip();
        if (word.isEmpty()) {
            throw new IllegalArgumentException("expected a value at " + start);
        }
        return word;
    }

    private String string() {
        return string('"');
    }

    private String string(char quote) {
        expect(quote);
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw new IllegalArgumentException("short \\u escape at " + i);
                    }
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (lenient && (c == '#' || s.startsWith("//", i))) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (lenient && s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                return;
            }
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
        }
    }
}
