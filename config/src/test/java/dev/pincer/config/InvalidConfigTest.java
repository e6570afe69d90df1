package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code src/test/resources/invalid} must be rejected with exactly the problems
 * its leading {@code # expect: } lines list, in order. The file name says what the case covers.
 */
class InvalidConfigTest {
    private static final Path DIR = Path.of("src/test/resources/invalid");
    private static final String EXPECT = "# expect: ";

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithExpectedProblems(Path file) throws IOException {
        String yaml = Files.readString(file);
        List<String> expected = yaml.lines().takeWhile(l -> l.startsWith(EXPECT))
                .map(l -> l.substring(EXPECT.length())).toList();
        assertFalse(expected.isEmpty(), "a case needs at least one '" + EXPECT + "' line");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "pincer.yaml"));

        assertEquals(expected, e.problems().stream().map(ConfigProblem::toString).toList());
    }
}
