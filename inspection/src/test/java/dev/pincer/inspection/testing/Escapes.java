package dev.pincer.inspection.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Escapes in test vector files. {@code \r \n \t \\ \" \xNN \}{@code uXXXX} and {@code \{count:text}}
 * (text, itself unescaped, repeated). In {@link #bytes} {@code \xNN} is one raw byte and other
 * characters are UTF-8; in {@link #text} {@code \xNN} is the character U+00NN.
 */
public final class Escapes {
    private Escapes() {
    }

    public static byte[] bytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        unescape(s, out, true);
        return out.toByteArray();
    }

    public static String text(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        unescape(s, out, false);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void unescape(String s, ByteArrayOutputStream out, boolean rawBytes) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'r' -> plain.append('\r');
                case 'n' -> plain.append('\n');
                case 't' -> plain.append('\t');
                case '\\', '"' -> plain.append(e);
                case 'u' -> {
                    plain.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'x' -> {
                    int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                    if (rawBytes) {
                        flush(plain, out);
                        out.write(v);
                    } else {
                        plain.append((char) v);
                    }
                    i += 2;
                }
                case '{' -> {
                    int colon = s.indexOf(':', i);
                    int close = s.indexOf('}', colon);
                    int count = Integer.parseInt(s.substring(i + 1, colon));
                    flush(plain, out);
                    ByteArrayOutputStream unit = new ByteArrayOutputStream();
                    unescape(s.substring(colon + 1, close), unit, rawBytes);
                    for (int k = 0; k < count; k++) {
                        out.writeBytes(unit.toByteArray());
                    }
                    i = close;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + s);
            }
        }
        flush(plain, out);
    }

    private static void flush(StringBuilder plain, ByteArrayOutputStream out) {
        out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
        plain.setLength(0);
    }
}
