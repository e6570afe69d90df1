package dev.pincer.correlator.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Bytes written readably, for protocol test data. Tokens, separated by spaces:
 * <pre>
 * 0a1b..        hex bytes (an even number of digits)
 * "text"        the UTF-8 bytes of text (escapes \" \\ \n)
 * s"text"       a protocol str: n:u32 then the UTF-8 bytes
 * 300*41        300 bytes 0x41
 * s( ... )      a str whose bytes are the enclosed tokens
 * [ ... ]       a frame: length:u32 of the enclosed tokens, then them
 * name          a variable (e.g. proof: computed from the CHALLENGE the harness received)
 * </pre>
 * Example: {@code [ 20 00000003 0102030405060708 ]} is a PING on stream 3.
 */
public final class FrameText {
    private final String text;
    private final Map<String, byte[]> vars;
    private int pos;

    private FrameText(String text, Map<String, byte[]> vars) {
        this.text = text;
        this.vars = vars;
    }

    public static byte[] parse(String text, Map<String, byte[]> vars) {
        FrameText p = new FrameText(text, vars);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.sequence(out, '\0');
        return out.toByteArray();
    }

    private void sequence(ByteArrayOutputStream out, char close) {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                if (close != '\0') {
                    throw new IllegalArgumentException("missing " + close + " in " + text);
                }
                return;
            }
            char c = text.charAt(pos);
            if (c == close) {
                pos++;
                return;
            }
            token(out);
        }
    }

    private void token(ByteArrayOutputStream out) {
        char c = text.charAt(pos);
        if (c == '[') {
            pos++;
            ByteArrayOutputStream inner = new ByteArrayOutputStream();
            sequence(inner, ']');
            u32(out, inner.size());
            out.writeBytes(inner.toByteArray());
        } else if (c == '"') {
            out.writeBytes(quoted());
        } else if (text.startsWith("s\"", pos)) {
            pos++;
            byte[] b = quoted();
            u32(out, b.length);
            out.writeBytes(b);
        } else if (text.startsWith("s(", pos)) {
            pos += 2;
            ByteArrayOutputStream inner = new ByteArrayOutputStream();
            sequence(inner, ')');
            u32(out, inner.size());
            out.writeBytes(inner.toByteArray());
        } else {
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                    && "[]()\"".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            word(out, text.substring(start, pos));
        }
    }

    private void word(ByteArrayOutputStream out, String w) {
        if (vars.containsKey(w)) {
            out.writeBytes(vars.get(w));
            return;
        }
        int star = w.indexOf('*');
        if (star > 0) {
            int n = Integer.parseInt(w.substring(0, star));
            int b = Integer.parseInt(w.substring(star + 1), 16);
            for (int i = 0; i < n; i++) {
                out.write(b);
            }
            return;
        }
        if (w.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex " + w + " in " + text);
        }
        for (int i = 0; i < w.length(); i += 2) {
            out.write(Integer.parseInt(w.substring(i, i + 2), 16));
        }
    }

    private byte[] quoted() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                char e = text.charAt(pos++);
                sb.append(e == 'n' ? '\n' : e);
            } else {
                sb.append(c);
            }
        }
        pos++;
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
