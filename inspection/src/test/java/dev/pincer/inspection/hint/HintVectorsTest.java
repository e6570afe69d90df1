package dev.pincer.inspection.hint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.inspection.testing.Escapes;
import dev.pincer.inspection.testing.Formats;
import dev.pincer.inspection.testing.RequestCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-string rule ({@code hint/values.txt}: {@code bits <- value}) and the inert-header
 * grammars ({@code hint/inert.txt}: {@code outcome <- name: value}). Whole-request hint cases are in
 * {@code hint/requests.txt}, run by {@code RequestVectorsTest}.
 */
class HintVectorsTest {

    static Stream<Arguments> values() throws IOException {
        return lines("/hint/values.txt").map(l -> {
            int arrow = l.indexOf("<-");
            String value = l.substring(arrow + 2);
            return Arguments.of(l.substring(0, arrow).trim(), Escapes.text(value.startsWith(" ") ? value.substring(1)
                    : value));
        });
    }

    static Stream<Arguments> headers() throws IOException {
        return lines("/hint/inert.txt").map(l -> {
            int arrow = l.indexOf("<-");
            String field = l.substring(arrow + 3);
            int colon = field.indexOf(':');
            String value = field.substring(colon + 1);
            return Arguments.of(l.substring(0, arrow).trim(), field.substring(0, colon),
                    Escapes.text(value.startsWith(" ") ? value.substring(1) : value));
        });
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("values")
    void valueBits(String expected, String value) {
        assertEquals(Formats.bits(RequestCase.bits(expected)), Formats.bits(ValueBits.of(value)));
    }

    @ParameterizedTest(name = "{0} <- {1}: {2}")
    @MethodSource("headers")
    void inertHeaders(String expected, String name, String value) {
        int bits = InertHeaders.bits(name, value);
        String outcome = bits < 0 ? "counts" : bits == 0 ? "inert" : bits == InputHint.URL ? "url" : "bits " + bits;
        assertEquals(expected, outcome);
    }

    private static Stream<String> lines(String resource) throws IOException {
        try (InputStream in = HintVectorsTest.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            return lines.stream();
        }
    }
}
