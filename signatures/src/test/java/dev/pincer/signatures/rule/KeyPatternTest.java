package dev.pincer.signatures.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A key regex judges every name as the regex does; its memo stays bounded. */
class KeyPatternTest {

    @Test
    void aRememberedNameIsJudgedAsTheRegexJudgesIt() {
        KeyPattern p = new KeyPattern("^header_name_920450_");
        for (int round = 0; round < 2; round++) {
            assertTrue(p.matches("header_name_920450_content-encoding"));
            assertTrue(p.matches("HEADER_NAME_920450_x"), "case-insensitive");
            assertFalse(p.matches("x_header_name_920450_"));
            assertFalse(p.matches(""));
        }
        assertEquals(4, p.judged());
    }

    /** Limit and limit + 1, for the memo's size and for a name's length. */
    @Test
    void theMemoStartsOverWhenFullAndSkipsLongNames() {
        KeyPattern p = new KeyPattern("^a");
        for (int i = 0; i < KeyPattern.MAX_NAMES; i++) {
            assertEquals(i % 2 == 0, p.matches((i % 2 == 0 ? "a" : "b") + i));
        }
        assertEquals(KeyPattern.MAX_NAMES, p.judged());
        assertTrue(p.matches("a-one-more"));
        assertEquals(1, p.judged(), "full: emptied, then the new name kept");
        assertTrue(p.matches("a".repeat(KeyPattern.MAX_NAME_CHARS)));
        assertEquals(2, p.judged());
        assertTrue(p.matches("a".repeat(KeyPattern.MAX_NAME_CHARS + 1)));
        assertFalse(p.matches("b".repeat(KeyPattern.MAX_NAME_CHARS + 1)));
        assertEquals(2, p.judged(), "longer names are not kept");
    }
}
