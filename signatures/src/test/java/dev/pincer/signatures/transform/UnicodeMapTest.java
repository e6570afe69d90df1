package dev.pincer.signatures.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code SecUnicodeMapFile}'s table and {@code urlDecodeUni} through it. */
class UnicodeMapTest {

    /** Two code pages in the file's layout; the numbers are made up for the test. */
    private static final String FILE = "1252 (ANSI - Latin I)\n00ab:41 2215:42\n\n"
            + "20127 (US-ASCII)\n00ab:3c 2215:2f ff0e:21 0100:141\n\n"
            + "437 (OEM - United States)\n00ab:43\n";

    @Test
    void readsOnlyTheSectionOfItsCodePage() {
        UnicodeMap map = UnicodeMap.parse(FILE, 20127);
        assertEquals('<', map.map(0x00AB));
        assertEquals('/', map.map(0x2215));
        assertEquals(-1, map.map(0x0041));
        assertEquals('A', UnicodeMap.parse(FILE, 1252).map(0x00AB));
        assertEquals('C', UnicodeMap.parse(FILE, 437).map(0x00AB));
    }

    @Test
    void mapsTheIdeographicAndFullWidthStopsToADotUnlessTheFileSaysOtherwise() {
        UnicodeMap map = UnicodeMap.parse(FILE, 20127);
        assertEquals('.', map.map(0x3002));
        assertEquals('.', map.map(0xFF61));
        assertEquals('!', map.map(0xFF0E), "the file's entry wins");
    }

    @Test
    void urlDecodeUniUsesTheMapAndFallsBackToTheLowByte() {
        UnicodeMap map = UnicodeMap.parse(FILE, 20127);
        Transformation t = Transformations.byName("URLDECODEUNI", map);
        assertEquals("</A!\u0041\u0041.", t.apply("%u00ab%u2215%u0041%uff0e%u0141%u0100%u3002"));
        assertEquals("\u00ab", Transformations.byName("urlDecodeUni").apply("%u00ab"), "no map: the low byte");
        assertSame(Transformations.byName("lowercase"), Transformations.byName("lowercase", map));
        assertSame(Transformations.byName("urlDecodeUni"), Transformations.byName("urlDecodeUni", null));
        String plain = "no escapes";
        assertSame(plain, t.apply(plain));
    }

    @Test
    void rejectsAMissingCodePageAndBadMappings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnicodeMap.parse(FILE, 850));
        assertEquals("code page 850 is not in the unicode map file", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnicodeMap.parse(FILE, 0));
        e = assertThrows(IllegalArgumentException.class, () -> UnicodeMap.parse("20127\n00zz:3c\n", 20127));
        assertTrue(e.getMessage().contains("00zz:3c"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnicodeMap.parse("20127\n00ab:\n", 20127));
    }
}
