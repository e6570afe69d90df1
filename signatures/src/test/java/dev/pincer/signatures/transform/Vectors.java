package dev.pincer.signatures.transform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code transformations.tsv}: name, input, expected, with {@code \xNN} and {@code \\} escapes. */
final class Vectors {

    /** One line of the file. */
    record Vector(int line, String name, String input, String expected) {
        @Override
        public String toString() {
            return "line " + line + ": " + name + "(" + Vectors.show(input) + ")";
        }
    }

    private Vectors() {}

    static List<Vector> load() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = Vectors.class.getResourceAsStream("transformations.tsv")) {
            if (in == null) {
                throw new IllegalStateException("transformations.tsv is missing from the test resources");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException("line " + (i + 1) + ": expected 3 tab-separated fields, got " + f.length);
                }
                vectors.add(new Vector(i + 1, f[0], unescape(f[1], i + 1), unescape(f[2], i + 1)));
            }
        }
        return vectors;
    }

    /** {@code \xNN} to the byte NN, {@code \\} to a backslash; any other backslash is an error. */
    static String unescape(String field, int line) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c > 0x7E) {
                throw new IllegalStateException("line " + line + ": write byte " + (int) c + " as \\xNN");
            }
            if (c != '\\') {
                out.append(c);
            } else if (i + 1 < field.length() && field.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (i + 3 < field.length() && field.charAt(i + 1) == 'x') {
                out.append((char) Integer.parseInt(field.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                throw new IllegalStateException("line " + line + ": bad escape in " + field);
            }
        }
        return out.toString();
    }

    /** The value with bytes outside printable ASCII (and the backslash) as {@code \xNN}. */
    static String show(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
