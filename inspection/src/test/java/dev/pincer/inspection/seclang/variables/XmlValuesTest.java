package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the vectors of {@code xml-vectors.txt}: an XML body, and the exact sink calls
 * ({@code attr NAME | VALUE} in document order, then {@code text VALUE}) and the error reason
 * ({@code error: reason}, compared without its byte offset, or {@code error: none}).
 *
 * <p>Format: {@code === title}, {@code body:} (lines joined by LF), {@code expect:}. Escapes:
 * {@code \r \n \t \0 \\ \xHH} (one byte); a body line ending in {@code \c} gets no LF.
 * Expectations follow libxml2's tree as libmodsecurity v3 reads it ({@code xmlNodeGetContent}
 * of the root for XML:/*, every attribute node for XML://@*), except that entities declared in a
 * DOCTYPE are never expanded.
 */
class XmlValuesTest {
    record Vector(String title, String body, List<String> expected) {
        @Override
        public String toString() {
            return title;
        }
    }

    static final class Recorder implements XmlSink {
        final List<String> events = new ArrayList<>();
        int texts;

        @Override
        public void text(String textContent) {
            texts++;
            events.add("text " + textContent);
        }

        @Override
        public void attribute(String name, String value) {
            events.add("attr " + name + " | " + value);
        }
    }

    static Stream<Vector> vectors() throws IOException {
        String text;
        try (InputStream in = Objects.requireNonNull(XmlValuesTest.class.getResourceAsStream("xml-vectors.txt"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Vector> out = new ArrayList<>();
        String title = null;
        StringBuilder body = null;
        List<String> expected = null;
        boolean inBody = false;
        boolean pendingEol = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (title != null) {
                    out.add(new Vector(title, body.toString(), expected));
                }
                title = line.substring(4);
                body = new StringBuilder();
                expected = new ArrayList<>();
                inBody = false;
                pendingEol = false;
            } else if (title == null || (!inBody && (line.isBlank() || line.startsWith("#")))) {
                continue;
            } else if (line.equals("body:")) {
                inBody = true;
            } else if (line.equals("expect:")) {
                inBody = false;
            } else if (inBody) {
                if (pendingEol) {
                    body.append('\n');
                }
                boolean noEol = line.endsWith("\\c");
                body.append(MultipartArgumentsTest.unescape(noEol ? line.substring(0, line.length() - 2) : line));
                pendingEol = !noEol;
            } else {
                expected.add(MultipartArgumentsTest.unescape(line));
            }
        }
        if (title != null) {
            out.add(new Vector(title, body.toString(), expected));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Vector v) {
        Recorder r = new Recorder();
        String error = XmlValues.parse(v.body(), r);
        String expectedError = "none";
        List<String> events = new ArrayList<>();
        for (String e : v.expected()) {
            if (e.startsWith("error: ")) {
                expectedError = e.substring(7);
            } else {
                events.add(e);
            }
        }
        assertEquals(expectedError, reason(error), "error");
        assertEquals(events, r.events, "sink calls");
        assertTrue(r.texts <= 1, "text is reported at most once");
    }

    /** The scanner's reason without the v3 prefix and the byte offset; "none" for null. */
    static String reason(String error) {
        if (error == null) {
            return "none";
        }
        String prefix = XmlValues.ERROR + " (";
        assertTrue(error.startsWith(prefix) && error.endsWith(")"), error);
        String r = error.substring(prefix.length(), error.length() - 1);
        int at = r.lastIndexOf(", at byte ");
        assertTrue(at > 0, error);
        return r.substring(0, at);
    }
}
