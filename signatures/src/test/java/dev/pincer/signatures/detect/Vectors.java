package dev.pincer.signatures.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads a detector vector file from the test resources next to this class: one value per line,
 * {@code #} comment lines, escapes {@code \n \r \t \\ \xHH}, and an optional expected result
 * before a TAB. Returns {@code (expected or null, value, line)} arguments.
 */
final class Vectors {
    private Vectors() {
    }

    static List<Arguments> read(String resource) {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String expected = tab < 0 ? null : line.substring(0, tab);
                out.add(Arguments.of(expected, unescape(tab < 0 ? line : line.substring(tab + 1)),
                        resource + ":" + (i + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char d = s.charAt(++i);
            switch (d) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '\\' -> b.append('\\');
                case 'x' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> b.append('\\').append(d);
            }
        }
        return b.toString();
    }
}
