package dev.pincer.signatures.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the vector files of the three rule sub-parsers: {@code variables.vectors},
 * {@code actions.vectors} and {@code operators.vectors}. Each line is {@code input => expected};
 * the file headers describe the expected forms.
 */
class SubParserVectorsTest {

    @TestFactory
    Stream<DynamicTest> variables() {
        return run("variables.vectors", input -> VariableParser.parse(input).stream()
                .map(v -> (v.count() ? "&" : "") + (v.exclude() ? "!" : "") + v.collection()
                        + (v.key() == null ? "" : (v.keyIsRegex() ? " ~" : " =") + v.key()))
                .collect(Collectors.joining(" ; ")));
    }

    @TestFactory
    Stream<DynamicTest> actions() {
        return run("actions.vectors", input -> ActionParser.parse(input).stream()
                .map(a -> a.value() == null ? a.name() : a.name() + "=" + a.value())
                .collect(Collectors.joining(" ; ")));
    }

    @TestFactory
    Stream<DynamicTest> operators() {
        return run("operators.vectors", input -> {
            OperatorSpec op = OperatorParser.parse(input);
            return (op.negated() ? "!" : "") + op.name() + " [" + op.argument() + "]";
        });
    }

    private static Stream<DynamicTest> run(String file, Function<String, String> parser) {
        List<String[]> vectors = new ArrayList<>();
        for (String line : TestData.resource(file).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf(" => ");
            if (arrow < 0) {
                throw new IllegalStateException(file + ": no ' => ' in: " + line);
            }
            vectors.add(new String[] {line.substring(0, arrow), line.substring(arrow + 4)});
        }
        assertTrue(vectors.size() >= 20, file + ": expected at least 20 vectors, read " + vectors.size());
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v[0] + " => " + v[1], () -> {
            String input = TestData.unescape(v[0]);
            String expected = TestData.unescape(v[1]);
            String actual;
            try {
                actual = parser.apply(input);
            } catch (IllegalArgumentException e) {
                actual = "error: " + e.getMessage();
            }
            assertEquals(expected, actual, file + ": " + v[0]);
        }));
    }
}
