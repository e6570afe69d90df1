package dev.pincer.signatures.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ModSecurity's regex semantics on byte strings (vectors.tsv: bytes, DOTALL, end-only {@code $},
 * {@code \s} with VT, ASCII case folding, PCRE class syntax), captures, and compile errors.
 */
class RegexSemanticsTest {

    /**
     * A value the engine fails on (here one whose chars cannot all be read) is "gave up", never
     * "no match": {@code @rx} then marks the transaction incomplete instead of passing the value.
     */
    @Test
    void anEngineFailureGivesUpInsteadOfNoMatch() {
        CharSequence unreadable = new CharSequence() {
            @Override
            public int length() {
                return 64;
            }

            @Override
            public char charAt(int index) {
                if (index > 3) {
                    throw new IllegalStateException("unreadable");
                }
                return 'a';
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                throw new IllegalStateException("unreadable");
            }

            @Override
            public String toString() {
                throw new IllegalStateException("unreadable");
            }
        };
        Regex r = Regex.compile("(?i)union\\s+select");
        assertEquals(Regex.Result.GAVE_UP, r.search(unreadable, null));
        assertEquals(Regex.Result.GAVE_UP, r.search(unreadable, new Captures()));
        assertEquals(Regex.Result.MATCH, r.search("1 union select 2", new Captures()));
        assertEquals(Regex.Result.NO_MATCH, r.search("ordinary", null));
    }

    static Stream<Arguments> vectors() {
        return Vectors.read(RegexSemanticsTest.class, "vectors.tsv").stream()
                .map(r -> Arguments.of(r[0], r[1], Vectors.bytes(r[2]), Boolean.parseBoolean(r[3])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matchesAsModSecurity(String name, String pattern, String input, boolean expected) {
        assertEquals(expected, Regex.compile(pattern).find(input), name);
        Captures captures = new Captures();
        assertEquals(expected, Regex.compile(pattern).find(input, captures), name + " (capturing)");
    }

    /** The oracle translation for java.util.regex agrees with the vectors too (it is the same text). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void jdkOracleAgrees(String name, String pattern, String input, boolean expected) {
        java.util.regex.Pattern jdk = java.util.regex.Pattern.compile(PcreSyntax.toJava(pattern),
                java.util.regex.Pattern.DOTALL | java.util.regex.Pattern.UNIX_LINES);
        assertEquals(expected, jdk.matcher(input).find(), name);
    }

    @Test
    void capturesGroupsZeroToNine() {
        Captures c = new Captures();
        assertTrue(Regex.compile("(a+)(x)?(b)").find("caab", c));
        assertEquals("aab", c.group(0));
        assertEquals("aa", c.group(1));
        assertNull(c.group(2), "a group that took no part is unset");
        assertEquals("b", c.group(3));
        assertEquals(4, c.count());
        assertEquals(1, c.start(0));
        assertEquals(4, c.end(0));
    }

    @Test
    void capturesStopAtGroupNine() {
        Captures c = new Captures();
        assertTrue(Regex.compile("(1)(2)(3)(4)(5)(6)(7)(8)(9)(a)(b)").find("123456789ab", c));
        assertEquals(Captures.MAX_GROUPS, c.count());
        assertEquals("9", c.group(9));
        assertNull(c.group(10));
    }

    @Test
    void failedFindClearsTheHolder() {
        Captures c = new Captures();
        assertTrue(Regex.compile("(a)").find("a", c));
        assertFalse(Regex.compile("(z)").find("a", c));
        assertEquals(0, c.count());
        assertNull(c.group(0));
    }

    @Test
    void capturesOfBytesAreBytes() {
        Captures c = new Captures();
        assertTrue(Regex.compile("([\\x{80}-\\x{ff}]+)").find("a\u00e2\u0080\u00a8b", c));
        assertEquals("\u00e2\u0080\u00a8", c.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "(?=a)", "(?!a)", "(?<=a)b", "a++", "(?>a)", "(", "[a", "a**",
        "\\", "(?U)a", "x{2,1}"})
    void rejectsWhatIsNotLinearOrNotValid(String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Regex.compile(pattern));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void rejectsAnOverlongPattern() {
        String huge = "a".repeat(Regex.MAX_PATTERN_LENGTH + 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Regex.compile(huge))
                .getMessage().contains("at most"));
    }

    @Test
    void keepsTheSource() {
        assertEquals("a$", Regex.compile("a$").pattern());
    }
}
