package dev.pincer.correlator.analyzer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pair prefilter may say "maybe" wrongly, never "no" wrongly: it must not change a search's result. */
class BigramsTest {
    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "ct|select 1|true",
        "((|select 1|false",
        "' or|x = '' or 1|true",
        "or 2|x = '' or 1|false",
        "x|anything|true",
        "ab|b a|false",
    })
    void knownPairs(String form, String text, boolean expected) {
        assertEquals(expected, Bigrams.of(text.toCharArray()).mayContain(form.toCharArray()));
    }

    /** Every substring of a random text passes, whatever its characters (ASCII, Latin-1, CJK, surrogates). */
    @Test
    void neverRejectsAFormThatOccurs() {
        Random r = new Random(7);
        char[] alphabet = "aA'\"; (){}$\\/.-_%0123456789éß中文\uD83D\uDE00".toCharArray();
        for (int round = 0; round < 200; round++) {
            char[] text = new char[1 + r.nextInt(600)];
            for (int i = 0; i < text.length; i++) {
                text[i] = r.nextInt(10) == 0 ? (char) r.nextInt(0x10000) : alphabet[r.nextInt(alphabet.length)];
            }
            Bigrams b = Bigrams.of(text);
            for (int k = 0; k < 50; k++) {
                int from = r.nextInt(text.length);
                int to = from + 1 + r.nextInt(Math.min(40, text.length - from));
                char[] form = java.util.Arrays.copyOfRange(text, from, to);
                assertTrue(b.mayContain(form), () -> new String(form) + " occurs in the text");
            }
        }
    }

    @Test
    void aPairTheTextLacksRejects() {
        assertFalse(Bigrams.of("SELECT * FROM t".toLowerCase().toCharArray()).mayContain("1'".toCharArray()));
    }
}
