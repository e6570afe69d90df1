package dev.pincer.signatures.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Regex#compileBounded}: PCRE's meaning for lookaround, backreferences, possessive
 * quantifiers and atomic groups (backtracking.tsv, checked against PCRE2), a linear gate that
 * matches wherever the pattern does ({@link Relaxation}), and a work bound past which the search
 * says it gave up instead of running on.
 */
class BacktrackingRegexTest {

    static Stream<Arguments> vectors() {
        return Vectors.read(BacktrackingRegexTest.class, "backtracking.tsv").stream()
                .map(r -> Arguments.of(r[0], r[1], Vectors.bytes(r[2]), Boolean.parseBoolean(r[3])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matchesAsPcre(String name, String pattern, String input, boolean expected) {
        Regex r = Regex.compileBounded(pattern);
        assertEquals(expected ? Regex.Result.MATCH : Regex.Result.NO_MATCH, r.search(input, null), name);
        Captures c = new Captures();
        assertEquals(expected, r.find(input, c), name + " (capturing)");
        assertEquals(expected, c.count() > 0, "captures only on a match");
    }

    /** The gate must never say "no" where the pattern says "yes": it is what lets most values skip the backtracking. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theRelaxedPatternMatchesWhereverThePatternDoes(String name, String pattern, String input, boolean expected) {
        Regex gate = Regex.compile(Relaxation.relax(pattern));
        if (expected) {
            assertTrue(gate.find(input), name + ": relaxed to " + Relaxation.relax(pattern));
        }
    }

    @Test
    void relaxationReplacesOnlyWhatBacktrackingNeeds() {
        assertEquals("<\\?(?:)", Relaxation.relax("<\\?(?!xml)"));
        assertEquals("(?:);|x", Relaxation.relax("(?<!&(?:amp)|&apos);|x"));
        assertEquals("a+b*c?d{1,2}", Relaxation.relax("a++b*+c?+d{1,2}+"));
        assertEquals("a+?b", Relaxation.relax("a+?b"), "lazy is not possessive");
        assertEquals("(?:ab|a)c", Relaxation.relax("(?>ab|a)c"));
        assertEquals("(a)(?s:.*)(?s:.*)", Relaxation.relax("(a)\\1\\k<n>"));
        assertEquals("[+]+\\x{61}+\\Q++\\E", Relaxation.relax("[+]+\\x{61}+\\Q++\\E"));
        String plain = "(?i)union\\s+(?:all\\s+)?select";
        assertTrue(plain == Relaxation.relax(plain), "unchanged when there is nothing to relax");
    }

    /**
     * Seeded random patterns with the constructs only backtracking has, on random values: wherever
     * java.util.regex (the exact engine, alone) matches, the gate matches too, and compileBounded's
     * regex (gate and engine together) answers as java.util.regex does; compileBounded either
     * compiles or throws IllegalArgumentException, and a search never throws.
     */
    @Test
    void theGateIsASupersetOnRandomPatterns() {
        String[] pieces = {"a", "b", "ab", "(", ")", "(?:", "|", "*", "+", "?", "{1,2}", "++", "*+", "?+", "(?=",
            "(?!", "(?<=a)", "(?<!b)", "(?>", "\\1", "[ab]", "[^a]", "\\b", "\\w", "^", "$", "."};
        Random random = new Random(7);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder p = new StringBuilder("(a|b)");
            int n = 1 + random.nextInt(8);
            for (int k = 0; k < n; k++) {
                p.append(pieces[random.nextInt(pieces.length)]);
            }
            Regex bounded;
            java.util.regex.Pattern exact;  // the oracle: java.util.regex alone, without the gate
            try {
                bounded = Regex.compileBounded(p.toString());
                exact = java.util.regex.Pattern.compile(PcreSyntax.toJava(p.toString()),
                        java.util.regex.Pattern.DOTALL | java.util.regex.Pattern.UNIX_LINES);
            } catch (IllegalArgumentException e) {
                continue;
            }
            Regex gate;
            try {
                gate = Regex.compile(Relaxation.relax(p.toString()));
            } catch (IllegalArgumentException e) {
                continue; // no gate: the pattern always runs, which is sound too
            }
            for (int v = 0; v < 8; v++) {
                char[] value = new char[random.nextInt(10)];
                for (int k = 0; k < value.length; k++) {
                    value[k] = "abc ".charAt(random.nextInt(4));
                }
                String s = new String(value);
                boolean found = exact.matcher(s).find();
                Regex.Result result = bounded.search(s, new Captures());
                assertTrue(result == Regex.Result.GAVE_UP || found == (result == Regex.Result.MATCH),
                        p + " on '" + s + "': " + result + ", java.util.regex says " + found);
                if (found) {
                    checked++;
                    assertTrue(gate.find(s), p + " matches '" + s + "' but its relaxation " + Relaxation.relax(p.toString())
                            + " does not");
                }
            }
        }
        assertTrue(checked > 10_000, "only " + checked + " matches checked");
    }

    /** Guards the work bound: exponential backtracking ends in GAVE_UP, not in minutes of CPU. */
    @Test
    void catastrophicBacktrackingGivesUp() {
        Regex r = Regex.compileBounded("^(a+)+\\1b");
        String value = "a".repeat(40) + "cb";
        assertEquals(Regex.Result.GAVE_UP, r.search(value, null));
        Captures c = new Captures();
        assertEquals(Regex.Result.GAVE_UP, r.search(value, c));
        assertEquals(0, c.count());
        assertFalse(r.find(value), "find, which cannot say so, answers no match");
        assertEquals(Regex.Result.MATCH, r.search("aab" + "a".repeat(3) + "ab", null), "within the bound it decides");
    }

    @Test
    void aPatternTheLinearEngineTakesStaysOnIt() {
        assertInstanceOf(SafeReRegex.class, Regex.compileBounded("(?i)union\\s+select"));
        assertInstanceOf(BacktrackingRegex.class, Regex.compileBounded("<\\?(?!xml)"));
        assertThrows(IllegalArgumentException.class, () -> Regex.compile("<\\?(?!xml)"),
                "compile stays linear-only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "[a", "(?U)a", "(?=a", "\\", "x{2,1}", "a(?<!b", "\\k<nope>", "a**"})
    void rejectsWhatIsNotValidEitherWay(String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regex.compileBounded(pattern));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void capturesComeFromTheExactEngine() {
        Captures c = new Captures();
        assertTrue(Regex.compileBounded("(\\w+)=(?!\\1)(\\w+)").find("x=x a=b", c));
        assertEquals("a=b", c.group(0));
        assertEquals("a", c.group(1));
        assertEquals("b", c.group(2));
        assertNull(c.group(3));
    }
}
