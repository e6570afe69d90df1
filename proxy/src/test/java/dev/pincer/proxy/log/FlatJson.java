package dev.pincer.proxy.log;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict reader for the JSON the proxy logs: one object whose values are strings, numbers,
 * {@code true}, {@code false} or {@code null} (RFC 8259, no nesting). Throws
 * {@link IllegalArgumentException} on anything else, raw control characters in strings included.
 * Test-only: it exists so the tests need no JSON library.
 */
final class FlatJson {
    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    /** Parses one object; values are {@code String}, {@code Double}, {@code Boolean} or {@code null}. */
    static Map<String, Object> object(String text) {
        FlatJson p = new FlatJson(text);
        Map<String, Object> out = new LinkedHashMap<>();
        p.expect('{');
        if (p.peek() == '}') {
            p.i++;
        } else {
            while (true) {
                String key = p.string();
                p.expect(':');
                if (out.put(key, p.value()) != null) {
                    throw new IllegalArgumentException("duplicate key " + key);
                }
                char c = p.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw p.fail("',' or '}'");
                }
            }
        }
        if (p.i != text.length()) {
            throw p.fail("end of text");
        }
        return out;
    }

    /** Parses a single JSON string literal, the whole text. */
    static String string(String text) {
        FlatJson p = new FlatJson(text);
        String v = p.string();
        if (p.i != text.length()) {
            throw p.fail("end of text");
        }
        return v;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        for (String lit : new String[] {"true", "false", "null"}) {
            if (s.startsWith(lit, i)) {
                i += lit.length();
                return lit.equals("null") ? null : Boolean.valueOf(lit);
            }
        }
        int start = i;
        if (peek() == '-') {
            i++;
        }
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String num = s.substring(start, i);
        if (!num.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw fail("a JSON value");
        }
        return Double.valueOf(num);
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw fail("no raw control character");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw fail("4 hex digits");
                    }
                    String hex = s.substring(i, i + 4);
                    if (!hex.matches("[0-9a-fA-F]{4}")) {
                        throw fail("4 hex digits");
                    }
                    sb.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> throw fail("an escape");
            }
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw fail("'" + c + "'");
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw fail("more text");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private IllegalArgumentException fail(String expected) {
        return new IllegalArgumentException("at " + i + ": expected " + expected + " in " + s);
    }
}
