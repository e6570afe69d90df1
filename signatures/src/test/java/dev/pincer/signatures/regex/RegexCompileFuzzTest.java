package dev.pincer.signatures.regex;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random patterns built from regex metacharacters: {@link Regex#compile} either compiles or
 * throws {@link IllegalArgumentException}, never anything else, and a compiled pattern's
 * {@code find} never throws on random bytes.
 */
class RegexCompileFuzzTest {

    private static final String[] PIECES = {"(", ")", "[", "]", "^", "$", "\\", "{", "}", ",", "1", "3",
        "?", "*", "+", "|", ".", "-", "a", "B", "&", "&&", ":", "[:alpha:]", "\\x", "\\x{e2}", "\\s", "\\S",
        "\\Q", "\\E", "(?i)", "(?m)", "(?#", "(?:", "(?=", "(?<", "\\1", "\\p{L}", "\\w", "#", " ", "\u00ff"};

    @Test
    void compileOnlyEverThrowsIllegalArgument() {
        Random random = new Random(99);
        int compiled = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder p = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                p.append(PIECES[random.nextInt(PIECES.length)]);
            }
            Regex r;
            try {
                r = Regex.compile(p.toString());
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), p.toString());
                continue;
            }
            compiled++;
            char[] value = new char[random.nextInt(64)];
            for (int k = 0; k < value.length; k++) {
                value[k] = (char) random.nextInt(256);
            }
            r.find(new String(value));
            r.find(new String(value), new Captures());
        }
        assertTrue(compiled > 1000, "only " + compiled + " patterns compiled");
    }
}
