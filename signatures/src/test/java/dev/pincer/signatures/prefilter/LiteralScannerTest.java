package dev.pincer.signatures.prefilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Aho-Corasick scan finds exactly the literals that occur, ASCII case folded. */
class LiteralScannerTest {

    private static final List<String> LITERALS = List.of("he", "she", "his", "hers", "union", "<script", "a");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '\t', textBlock = """
            ushers	he;she;hers
            UNION ALL	a;union
            x<SCRIPT>	<script
            h	NONE
            ahishers	a;his;he;she;hers
            ''	NONE
            caf\u00e9	a
            """)
    void findsTheLiteralsThatOccur(String value, String expected) {
        String in = value.equals("''") ? "" : value;
        List<String> want = expected.equals("NONE") ? List.of() : Arrays.stream(expected.split(";")).sorted().toList();
        assertEquals(want, found(new LiteralScanner(LITERALS), in));
    }

    @Test
    void agreesWithContainsOnRandomInput() {
        Random random = new Random(7);
        LiteralScanner scanner = new LiteralScanner(LITERALS);
        for (int n = 0; n < 2000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(20); k > 0; k--) {
                b.append("heSrisuNno<cpta\u00ff\u212a".charAt(random.nextInt(17)));
            }
            String v = b.toString();
            List<String> want = new ArrayList<>();
            for (String l : LITERALS) {
                if (v.toLowerCase(java.util.Locale.ROOT).contains(l)) {
                    want.add(l);
                }
            }
            assertEquals(want.stream().sorted().toList(), found(scanner, v), v);
        }
    }

    @Test
    void setsItsBitsAtAnOffsetIntoSharedBits() {
        LiteralScanner scanner = new LiteralScanner(LITERALS);
        long[] bits = new long[2];
        scanner.scan("she", bits, 60);
        assertEquals(1L << 60 | 1L << 61, bits[0]);  // he (0), she (1)
        scanner.scan("a", bits, 60);
        assertEquals(1L << (66 - 64), bits[1]);       // a (6)
    }

    /** A table past its bound is refused while the trie grows, not after it was built. */
    @Test
    void refusesLiteralsPastItsTableBound() {
        List<String> literals = List.of("abcdefgh", "bcdefghi");  // 10 columns (9 chars and the rest), 17 states
        new LiteralScanner(literals, 17 * 10);
        assertThrows(IllegalArgumentException.class, () -> new LiteralScanner(literals, 17 * 10 - 1));
    }

    @Test
    void refusesLiteralsItCannotFold() {
        assertThrows(IllegalArgumentException.class, () -> new LiteralScanner(List.of("Abc")));
        assertThrows(IllegalArgumentException.class, () -> new LiteralScanner(List.of("")));
        assertThrows(IllegalArgumentException.class, () -> new LiteralScanner(List.of("\u00e9")));
    }

    private static List<String> found(LiteralScanner scanner, String value) {
        long[] bits = scanner.scan(value);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scanner.literals().size(); i++) {
            if ((bits[i >>> 6] & (1L << i)) != 0) {
                out.add(scanner.literals().get(i));
            }
        }
        return out.stream().sorted().toList();
    }
}
