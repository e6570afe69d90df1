package dev.pincer.inspection.request;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.inspection.hint.InputHint;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.testing.Formats;
import dev.pincer.inspection.testing.RequestCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every whole-request vector: the extraction files (one per input family and body format)
 * and the whole-request hint cases. Each case states the exact inputs, the malformed reason and the
 * truncation flag, and optionally the hint.
 */
class RequestVectorsTest {
    private static final List<String> FILES = List.of("/extraction/target.txt", "/extraction/headers.txt",
            "/extraction/form.txt", "/extraction/multipart.txt", "/extraction/json.txt", "/extraction/xml.txt",
            "/extraction/raw.txt", "/extraction/limits.txt", "/extraction/sniff.txt", "/extraction/names.txt",
            "/extraction/nested.txt",
            "/hint/requests.txt", "/hint/names.txt");

    static Stream<RequestCase> cases() throws IOException {
        List<RequestCase> all = new ArrayList<>();
        for (String file : FILES) {
            all.addAll(RequestCase.load(file));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsAsSpecified(RequestCase c) {
        RequestInputs r = new InputExtractor(c.limits()).extract(c.head(), c.body());
        assertAll(
                () -> {
                    if (c.checkInputs()) {
                        assertEquals(Formats.lines(c.expected()), Formats.lines(r.inputs()), "inputs");
                    }
                },
                () -> assertEquals(c.malformed(), r.bodyMalformed(), "bodyMalformed"),
                () -> assertEquals(c.truncated(), r.truncated(), () -> "truncated " + r.truncations()),
                () -> {
                    if (c.truncations() != null) {
                        assertEquals(c.truncations(), r.truncations(), "truncations");
                    }
                },
                () -> {
                    if (c.hint() != null) {
                        assertEquals(Formats.bits(c.hint()), Formats.bits(InputHint.of(r, c.pending())), "hint");
                    }
                });
    }
}
