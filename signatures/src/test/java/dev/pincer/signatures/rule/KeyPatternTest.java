package dev.pincer.signatures.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.signatures.regex.Captures;
import dev.pincer.signatures.regex.Regex;
import org.junit.jupiter.api.Test;

/**
 * A key regex judges every name as the regex does; its memo stays bounded; and a name the engine
 * fails on is selected and never excluded, so a failure never takes a value out of inspection.
 */
class KeyPatternTest {

    private static boolean matches(KeyPattern p, String name) {
        return p.judge(name) == Regex.Result.MATCH;
    }

    /** A regex whose engine fails on every name (SafeRE never has; the outcome must still be safe). */
    private static final Regex FAILING = new Regex() {
        @Override
        public String pattern() {
            return "^id_";
        }

        @Override
        public boolean find(CharSequence input) {
            return false;
        }

        @Override
        public boolean find(CharSequence input, Captures captures) {
            return false;
        }

        @Override
        public Result search(CharSequence input, Captures captures) {
            return Result.GAVE_UP;
        }
    };

    @Test
    void aNameTheEngineFailsOnIsSelectedAndNotExcludedAndNotRemembered() {
        KeyPattern p = new KeyPattern(FAILING);
        assertEquals(Regex.Result.GAVE_UP, p.judge("id_user"));
        assertEquals(0, p.judged(), "a failure is not remembered");
        Target selection = new Target("ARGS", null, p, false);
        assertTrue(selection.selects("id_user"), "ARGS:/^id_/ takes a value it could not judge");
        assertFalse(selection.covers("ARGS", "id_user"), "!ARGS:/^id_/ leaves it in inspection");
        Target working = new Target("ARGS", null, new KeyPattern("^id_"), false);
        assertTrue(working.selects("id_user"));
        assertTrue(working.covers("ARGS", "id_user"));
        assertFalse(working.selects("user"));
        assertFalse(working.covers("ARGS", "user"));
        assertFalse(working.covers("REQUEST_COOKIES", "id_user"));
    }

    @Test
    void aRememberedNameIsJudgedAsTheRegexJudgesIt() {
        KeyPattern p = new KeyPattern("^header_name_920450_");
        for (int round = 0; round < 2; round++) {
            assertTrue(matches(p, "header_name_920450_content-encoding"));
            assertTrue(matches(p, "HEADER_NAME_920450_x"), "case-insensitive");
            assertFalse(matches(p, "x_header_name_920450_"));
            assertFalse(matches(p, ""));
        }
        assertEquals(4, p.judged());
    }

    /** Limit and limit + 1, for the memo's size and for a name's length. */
    @Test
    void theMemoStartsOverWhenFullAndSkipsLongNames() {
        KeyPattern p = new KeyPattern("^a");
        for (int i = 0; i < KeyPattern.MAX_NAMES; i++) {
            assertEquals(i % 2 == 0, matches(p, (i % 2 == 0 ? "a" : "b") + i));
        }
        assertEquals(KeyPattern.MAX_NAMES, p.judged());
        assertTrue(matches(p, "a-one-more"));
        assertEquals(1, p.judged(), "full: emptied, then the new name kept");
        assertTrue(matches(p, "a".repeat(KeyPattern.MAX_NAME_CHARS)));
        assertEquals(2, p.judged());
        assertTrue(matches(p, "a".repeat(KeyPattern.MAX_NAME_CHARS + 1)));
        assertFalse(matches(p, "b".repeat(KeyPattern.MAX_NAME_CHARS + 1)));
        assertEquals(2, p.judged(), "longer names are not kept");
    }
}
