package dev.pincer.signatures.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code scanner.vectors}: rule-file text through {@link RuleFileParser#parse(String, String)},
 * compared with the expected directives or error. The file's header describes the format.
 */
class ScannerVectorsTest {

    private static final String FILE = "vectors.conf";

    record Case(String title, String input, List<String> expected) {}

    @TestFactory
    Stream<DynamicTest> scannerVectors() {
        List<Case> cases = cases(TestData.resource("scanner.vectors"));
        if (cases.size() < 30) {
            fail("scanner.vectors: expected at least 30 cases, read " + cases.size());
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> run(c)));
    }

    private static void run(Case c) {
        // The vector file is UTF-8; rule files are bytes, read one char per byte.
        String input = new String(c.input().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        List<String> actual = new ArrayList<>();
        try {
            for (Directive d : RuleFileParser.parse(input, FILE)) {
                assertEquals(FILE, d.location().file(), "file of " + d);
                actual.add("@" + d.location().line() + " " + d.name());
                for (String argument : d.arguments()) {
                    actual.add("|" + argument);
                }
            }
        } catch (RuleFileException e) {
            String message = e.getMessage();
            assertEquals(FILE + ":", message.substring(0, FILE.length() + 1), message);
            actual.add("! " + message.substring(FILE.length() + 1));
        }
        List<String> expected = c.expected().stream()
                .map(line -> new String(TestData.unescape(line).getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.ISO_8859_1))
                .toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual), c.title());
    }

    static List<Case> cases(String text) {
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("=== ")) {
            i++;
        }
        while (i < lines.length) {
            String title = lines[i++].substring(4);
            StringBuilder input = new StringBuilder();
            while (i < lines.length && !lines[i].equals("---")) {
                String line = lines[i++];
                if (line.endsWith("{EOF}")) {
                    input.append(TestData.unescape(line.substring(0, line.length() - 5)));
                } else {
                    input.append(TestData.unescape(line)).append('\n');
                }
            }
            if (i == lines.length) {
                throw new IllegalStateException("case '" + title + "' has no '---'");
            }
            i++;
            List<String> expected = new ArrayList<>();
            while (i < lines.length && !lines[i].startsWith("=== ")) {
                if (!lines[i].isEmpty()) {
                    expected.add(lines[i]);
                }
                i++;
            }
            cases.add(new Case(title, input.toString(), expected));
        }
        return cases;
    }
}
