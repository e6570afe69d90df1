package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the vectors of {@code multipart-vectors.txt}: each gives a Content-Type and a body, and the
 * exact sink calls (in order), the flags that end up set and REQBODY_ERROR_MSG that libmodsecurity
 * v3's {@code multipart.cc} produces for them (worked out from its code, case by case; the file
 * says which lines are deliberate deviations).
 *
 * <p>Format: {@code === title}, {@code ct: value}, {@code body:} (lines joined by CRLF) or
 * {@code body-lf:} (joined by LF), then {@code expect:} with {@code flags: NAME[=v] ...},
 * {@code error: text|none} and the events {@code name X}, {@code filename X},
 * {@code header PART | LINE}, {@code field NAME | VALUE}, {@code file NAME | FILE | SIZE | TYPE}.
 * Escapes everywhere: {@code \r \n \t \0 \\ \xHH}; a body line ending in {@code \c} gets no line end.
 */
class MultipartArgumentsTest {
    record Vector(String title, String contentType, String body, List<String> expected) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** Records what the parser reports, and checks that every flag is first reported as "0". */
    static final class Recorder implements MultipartSink {
        final List<String> events = new ArrayList<>();
        final Map<String, String> flags = new LinkedHashMap<>();
        private final List<String> zeros = new ArrayList<>();

        @Override
        public void field(String name, String value) {
            events.add("field " + name + " | " + value);
        }

        @Override
        public void file(String name, String fileName, long size, String contentType) {
            events.add("file " + name + " | " + fileName + " | " + size + " | " + contentType);
        }

        @Override
        public void partHeader(String partName, String headerLine) {
            events.add("header " + partName + " | " + headerLine);
        }

        @Override
        public void flag(String variable, String value) {
            if (variable.equals("MULTIPART_NAME")) {
                events.add("name " + value);
            } else if (variable.equals("MULTIPART_FILENAME")) {
                events.add("filename " + value);
            } else {
                if (!flags.containsKey(variable)) {
                    zeros.add(variable + "=" + value);
                }
                flags.put(variable, value);
            }
        }

        /** The flags whose final value is not "0", as {@code NAME} (value 1) or {@code NAME=v}. */
        String setFlags() {
            TreeSet<String> set = new TreeSet<>();
            flags.forEach((k, v) -> {
                if (!v.equals("0")) {
                    set.add(v.equals("1") ? k : k + "=" + v);
                }
            });
            return String.join(" ", set);
        }

        void assertZerosFirst() {
            List<String> expected = MultipartFlags.NAMES.stream().map(n -> n + "=0").toList();
            assertEquals(expected, zeros, "every flag is reported as 0 before anything else");
        }
    }

    static Stream<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        String text;
        try (InputStream in = Objects.requireNonNull(
                MultipartArgumentsTest.class.getResourceAsStream("multipart-vectors.txt"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String title = null;
        String ct = "";
        StringBuilder body = null;
        String eol = "\r\n";
        List<String> expected = null;
        boolean inBody = false;
        boolean pendingEol = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (title != null) {
                    out.add(new Vector(title, ct, body.toString(), expected));
                }
                title = line.substring(4);
                ct = "";
                body = new StringBuilder();
                expected = new ArrayList<>();
                inBody = false;
                pendingEol = false;
            } else if (title == null || (!inBody && (line.isBlank() || line.startsWith("#")))) {
                continue;
            } else if (!inBody && line.startsWith("ct: ")) {
                ct = unescape(line.substring(4));
            } else if (!inBody && (line.equals("body:") || line.equals("body-lf:"))) {
                inBody = true;
                eol = line.equals("body:") ? "\r\n" : "\n";
            } else if (line.equals("expect:")) {
                inBody = false;
            } else if (inBody) {
                if (pendingEol) {
                    body.append(eol);
                }
                boolean noEol = line.endsWith("\\c");
                body.append(unescape(noEol ? line.substring(0, line.length() - 2) : line));
                pendingEol = !noEol;
            } else {
                expected.add(unescape(line));
            }
        }
        if (title != null) {
            out.add(new Vector(title, ct, body.toString(), expected));
        }
        return out.stream();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'r' -> b.append('\r');
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case '0' -> b.append('\0');
                case 'x' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Vector v) {
        Recorder r = new Recorder();
        String error = MultipartArguments.parse(v.body(), v.contentType(), r);
        r.assertZerosFirst();
        List<String> events = new ArrayList<>();
        String flags = "";
        String expectedError = "none";
        for (String e : v.expected()) {
            if (e.startsWith("flags:")) {
                flags = e.substring(6).trim();
            } else if (e.startsWith("error: ")) {
                expectedError = e.substring(7);
            } else {
                events.add(e);
            }
        }
        String sorted = String.join(" ", new TreeSet<>(List.of(flags.isEmpty() ? new String[0] : flags.split(" "))));
        assertEquals(expectedError, error == null ? "none" : error, "REQBODY_ERROR_MSG");
        assertEquals(sorted, r.setFlags(), "flags set");
        assertEquals(events, r.events, "sink calls");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyPrefixOfAVectorParses(Vector v) {
        // Every cut of a vector body is a truncated upload: it must parse, never throw.
        String body = v.body();
        for (int cut = 0; cut <= body.length(); cut += Math.max(1, body.length() / 37)) {
            Recorder r = new Recorder();
            MultipartArguments.parse(body.substring(0, cut), v.contentType(), r);
            assertFalse(r.flags.isEmpty());
            assertTrue(r.flags.keySet().containsAll(MultipartFlags.NAMES));
        }
    }
}
