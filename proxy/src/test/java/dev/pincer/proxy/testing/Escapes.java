package dev.pincer.proxy.testing;

import java.io.ByteArrayOutputStream;

/** Raw request bytes written as text in test data files. */
public final class Escapes {
    private Escapes() {
    }

    /** {@code \r \n \t \\ \xNN}, and {@code \{count:text}} for text (itself unescaped) repeated. */
    public static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case '{' -> {
                    int colon = s.indexOf(':', i);
                    int close = s.indexOf('}', colon);
                    int count = Integer.parseInt(s.substring(i + 1, colon));
                    byte[] unit = unescape(s.substring(colon + 1, close));
                    for (int k = 0; k < count; k++) {
                        out.writeBytes(unit);
                    }
                    i = close;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + s);
            }
        }
        return out.toByteArray();
    }
}
