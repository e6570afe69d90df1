package dev.pincer.signatures.detect;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
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

    /**
     * Seeded random values over the bytes that steer both tokenizers: none may throw. This found
     * {@code {x}, which folds to nothing at all.
     */
    @Test
    void randomValuesNeverThrow() {
        Random r = new Random(20261202);
        String steer = "'\"`()/*!-#@$[]{}<>=&|;:,.\\ \t\nx1eEnNbBuUqQ0 select union or and"
                + " <script> onload= javascript: &#x; <!-- --> <? ";
        for (int i = 0; i < 50_000; i++) {
            int len = r.nextInt(i % 500 == 0 ? 5000 : 40);
            StringBuilder b = new StringBuilder(len);
            for (int j = 0; j < len; j++) {
                b.append(r.nextInt(4) == 0 ? (char) r.nextInt(256)
                        : steer.charAt(r.nextInt(steer.length())));
            }
            String v = b.toString();
            assertDoesNotThrow(() -> SqlInjectionDetector.detect(v), v);
            assertDoesNotThrow(() -> XssDetector.detect(v), v);
        }
    }
}
