package dev.pincer.correlator.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code vectors/<kind>.txt}. Vectors are blocks separated by blank lines; {@code #} starts
 * a comment line. Keys, each {@code key: value} (exactly one space after the colon, the rest of
 * the line is the value):
 * <pre>
 * name: tautology in a numeric id          (optional)
 * input: query:id=1%20or%201%3D1           (repeatable: source label, ':', name, '=', raw value)
 * sink: SELECT * FROM t WHERE id = 1 or 1=1 (repeatable: the sink arguments in order)
 * attr: request.host=shop.example          (repeatable)
 * expect: block sqli                       (or: allow)
 * expect-input: query:id                   (optional, block only: the input the finding names)
 * </pre>
 * In values {@code \x{HEX}} stands for that character ({@code \x{0}} NUL, {@code \x{a}} newline,
 * {@code \x{20}} a significant trailing space); every other backslash is literal, so SQL and
 * Windows paths read as they are. The decoded form of an input is its raw value URL-decoded once
 * for path, query, form and cookie sources ({@code +} as space for query and form), as the edge
 * extracts it; for other sources it is the raw value. A name input ({@code query_name},
 * {@code header_name}, ...) is written with an empty name, {@code input: query_name:=x'--}, and is
 * named by its decoded value as the edge names it ({@code expect-input: query_name:x'--}).
 */
public final class VectorFile {
    private VectorFile() {
    }

    public static List<Vector> load(String kind) {
        String file = "vectors/" + kind + ".txt";
        try (InputStream in = VectorFile.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the file has at least {@code attacks} block vectors and {@code benign} allow vectors. */
    public static void assertCounts(List<Vector> vectors, int attacks, int benign) {
        long blocks = vectors.stream().filter(v -> v.expect() != null).count();
        long allows = vectors.size() - blocks;
        assertTrue(blocks >= attacks, blocks + " attack vectors, expected at least " + attacks);
        assertTrue(allows >= benign, allows + " benign vectors, expected at least " + benign);
    }

    static List<Vector> parse(String file, String text) {
        List<Vector> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Builder b = null;
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                if (b != null) {
                    out.add(b.build());
                    b = null;
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            String key = colon < 0 ? line.strip().replace(":", "") : line.substring(0, colon);
            String value = colon < 0 ? "" : unescape(line.substring(colon + 2));
            if (b == null) {
                b = new Builder(file, n);
            }
            b.add(key, value, n);
        }
        if (b != null) {
            out.add(b.build());
        }
        return out;
    }

    private static final class Builder {
        final String file;
        final int line;
        String name;
        final List<Input> inputs = new ArrayList<>();
        final List<String> args = new ArrayList<>();
        final Map<String, String> attrs = new LinkedHashMap<>();
        String expect;
        String expectInput;
        boolean expectSeen;

        Builder(String file, int line) {
            this.file = file;
            this.line = line;
        }

        void add(String key, String value, int n) {
            switch (key) {
                case "name" -> name = value;
                case "input" -> inputs.add(input(value, n));
                case "sink" -> args.add(value);
                case "attr" -> attrs.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "expect" -> {
                    expectSeen = true;
                    if (value.equals("allow")) {
                        expect = null;
                    } else if (value.startsWith("block ")) {
                        expect = value.substring(6).strip();
                    } else {
                        throw new IllegalArgumentException(file + ":" + n + ": expect: " + value);
                    }
                }
                case "expect-input" -> expectInput = value;
                default -> throw new IllegalArgumentException(file + ":" + n + ": unknown key " + key);
            }
        }

        Vector build() {
            if (!expectSeen || args.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + line + ": a vector needs sink: and expect:");
            }
            if (expectInput != null && (expect == null || inputs.stream().noneMatch(in -> in.where().equals(expectInput)))) {
                throw new IllegalArgumentException(file + ":" + line + ": expect-input: names no input of a block vector");
            }
            return new Vector(file, line, name != null ? name : args.get(0), inputs, args, attrs, expect, expectInput);
        }

        private Input input(String spec, int n) {
            int colon = spec.indexOf(':');
            int eq = spec.indexOf('=', colon);
            if (colon < 0 || eq < 0) {
                throw new IllegalArgumentException(file + ":" + n + ": input: source:name=value");
            }
            String label = spec.substring(0, colon);
            InputSource source = null;
            for (InputSource s : InputSource.values()) {
                if (s.label().equals(label)) {
                    source = s;
                }
            }
            if (source == null) {
                throw new IllegalArgumentException(file + ":" + n + ": unknown input source " + label);
            }
            String raw = spec.substring(eq + 1);
            boolean plus = source == InputSource.QUERY || source == InputSource.FORM
                    || source == InputSource.QUERY_NAME || source == InputSource.FORM_NAME;
            boolean encoded = plus || source == InputSource.PATH || source == InputSource.COOKIE
                    || source == InputSource.COOKIE_NAME;
            String decoded = encoded ? urlDecode(plus ? raw.replace('+', ' ') : raw) : raw;
            String name = spec.substring(colon + 1, eq);
            // A name input (query_name:=x'--) is named by its decoded value, as the edge names it.
            return new Input(source, source.isName() && name.isEmpty() ? decoded : name, raw, decoded);
        }
    }

    /** {@code \x{HEX}} to its character; everything else as is. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int close = s.startsWith("\\x{", i) ? s.indexOf('}', i) : -1;
            if (close > 0) {
                out.appendCodePoint(Integer.parseInt(s.substring(i + 3, close), 16));
                i = close + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Lenient {@code %XX} decoding as UTF-8; a {@code %} not followed by two hex digits stays. */
    static String urlDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
            out.append(c);
        }
        out.append(bytes.toString(StandardCharsets.UTF_8));
        return out.toString();
    }
}
