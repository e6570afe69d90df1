package dev.pincer.signatures.regex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads tab-separated vector files from the test classpath; {@code #} lines are comments. */
public final class Vectors {

    private Vectors() {
    }

    /** The rows of {@code resource} (relative to {@code owner}), each split on tabs. */
    public static List<String[]> read(Class<?> owner, String resource) {
        InputStream in = owner.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Decodes {@code %XX} escapes (two hex digits) into a byte string, one char per byte; any other
     * char, and a {@code %} not followed by two hex digits ({@code %{tx.a}}), stays as it is.
     */
    public static String bytes(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && i + 2 < escaped.length() && Character.digit(escaped.charAt(i + 1), 16) >= 0
                    && Character.digit(escaped.charAt(i + 2), 16) >= 0) {
                out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
