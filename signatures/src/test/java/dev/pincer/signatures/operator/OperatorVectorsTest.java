package dev.pincer.signatures.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.signatures.regex.Vectors;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator against its family's vector file (strings, numbers, patterns, addresses,
 * validation, detectors, lookups): operator, argument, value, expected match, expected TX.0, for
 * {@code @rx} the groups, and for an operator that cannot judge the value the reason it marks the
 * transaction incomplete with. Each vector runs twice: capturing (the captures must be exactly
 * those listed) and not capturing (no capture may be recorded, the verdict must be the same); an
 * operator marks the transaction incomplete exactly when its vector says so.
 */
class OperatorVectorsTest {

    static final Map<String, String> TX = Map.of(
            "allowed_methods", "GET HEAD POST OPTIONS",
            "host", "example.com",
            "2", "abc",
            "empty", "",
            "threshold", "5",
            "junk", "abc",
            "bad_regex", "(");

    static Stream<Arguments> vectors() {
        return Stream.of("strings.tsv", "numbers.tsv", "patterns.tsv", "addresses.tsv", "validation.tsv", "detectors.tsv",
                        "lookups.tsv")
                .flatMap(file -> Vectors.read(OperatorVectorsTest.class, file).stream()
                        .map(r -> Arguments.of(file + ": @" + r[0] + " " + r[1] + " <- " + r[2],
                                r[0], Vectors.bytes(r[1]), Vectors.bytes(r[2]), Boolean.parseBoolean(r[3]),
                                r[4], r.length > 5 ? r[5] : "", r.length > 6 ? r[6] : "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void operatorMatchesAsModSecurity(String name, String operator, String argument, String value,
            boolean expected, String tx0, String groups, String incomplete) throws Exception {
        Operator op = Operators.create(operator, argument, resourceDir());

        RecordingContext capturing = new RecordingContext(true);
        assertEquals(expected, op.matches(capturing, value), "match");
        Map<Integer, String> expectedCaptures = new LinkedHashMap<>();
        if (!tx0.equals("-")) {
            expectedCaptures.put(0, Vectors.bytes(tx0));
        }
        if (!groups.isEmpty()) {
            for (String g : groups.split(";")) {
                String[] kv = g.split("=", 2);
                expectedCaptures.put(Integer.parseInt(kv[0]), Vectors.bytes(kv[1]));
            }
        }
        assertEquals(expectedCaptures, capturing.captures, "captures");
        assertEquals(incomplete.isEmpty() ? List.of() : List.of(incomplete), capturing.incomplete, "incomplete");

        RecordingContext plain = new RecordingContext(false);
        assertEquals(expected, op.matches(plain, value), "match without capture");
        assertEquals(Map.of(), plain.captures, "no capture without the capture action");
        assertEquals(incomplete.isEmpty() ? List.of() : List.of(incomplete), plain.incomplete, "incomplete");
    }

    @Test
    void everyVectorFileCoversItsOperators() {
        List<String> tested = vectors().map(a -> (String) a.get()[1]).distinct().toList();
        for (String name : Operators.names()) {
            assertTrue(tested.contains(name), "no vector for @" + name);
        }
    }

    static Path resourceDir() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(OperatorVectorsTest.class.getResource("strings.tsv")).toURI())
                .getParent();
    }

    /** A context with fixed TX values that records the captures and incomplete marks it is given. */
    static final class RecordingContext implements OperatorContext {
        final boolean capturing;
        final Map<Integer, String> captures = new LinkedHashMap<>();
        final List<String> incomplete = new java.util.ArrayList<>();

        RecordingContext(boolean capturing) {
            this.capturing = capturing;
        }

        @Override
        public String resolve(String collection, String key) {
            return collection.equals("TX") ? TX.get(key) : null;
        }

        @Override
        public boolean capturing() {
            return capturing;
        }

        @Override
        public void capture(int group, String text) {
            if (!capturing) {
                throw new AssertionError("capture while not capturing");
            }
            captures.put(group, text);
        }

        @Override
        public void incomplete(String reason) {
            incomplete.add(reason);
        }
    }
}
