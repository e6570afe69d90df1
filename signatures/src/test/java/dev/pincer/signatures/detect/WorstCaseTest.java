package dev.pincer.signatures.detect;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shapes that make naive tokenizers quadratic or recursive: 64 KiB runs of one construct. They
 * must finish and not throw; the time is not asserted (a unit test is no benchmark), but a
 * quadratic scan of 64 KiB would take minutes here and be noticed.
 */
class WorstCaseTest {
    private static final int SIZE = 64 * 1024;

    static List<String> inputs() {
        List<String> out = new ArrayList<>();
        for (String unit : new String[] {"'", "\"", "`", "(", ")", "/*", "*/", "/*!", "--", "#",
            "<", "&#", "<!--", "<a ", "<a b=", "a=\"", "\\", "\\'", "''", "@", "$$", "[", "0x",
            "1+", "1,", "or ", "union ", "/**/", ";", "{", "x'", "<script>", " onload=", "&"}) {
            out.add(unit.repeat(SIZE / unit.length()));
        }
        out.add("a".repeat(SIZE));
        out.add("1" + " ".repeat(SIZE) + "or 1=1");
        out.add("'" + "a".repeat(SIZE) + "' or 1=1 --");
        out.add("<a href=\"" + " ".repeat(SIZE) + "javascript:x\">");
        out.add("<div style=\"" + "x".repeat(SIZE) + "\">");
        return out;
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void finishes(String input) {
        assertDoesNotThrow(() -> SqlInjectionDetector.detect(input));
        assertDoesNotThrow(() -> XssDetector.detect(input));
    }
}
