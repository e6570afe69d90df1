package dev.pincer.signatures.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The automaton against a naive oracle on seeded random dictionaries and texts over a small
 * alphabet (many overlaps, shared prefixes and suffixes): the reported phrase is the first to end,
 * the longest of those ending there, in the first spelling given.
 */
class AhoCorasickTest {

    @Test
    void agreesWithANaiveScan() {
        Random random = new Random(42);
        String alphabet = "abAB\u00e9c";
        for (int round = 0; round < 2000; round++) {
            List<String> phrases = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                phrases.add(word(random, alphabet, 1 + random.nextInt(5)));
            }
            AhoCorasick ac = AhoCorasick.build(phrases);
            for (int t = 0; t < 10; t++) {
                String text = word(random, alphabet, random.nextInt(30));
                assertEquals(naive(phrases, text), ac.find(text), phrases + " in " + text);
            }
        }
    }

    @Test
    void scansHugeValuesInOnePass() {
        AhoCorasick ac = AhoCorasick.build(List.of("aaaaaaaaab", "ab", "zz"));
        assertEquals(-1, ac.find("a".repeat(1 << 20)));
        assertEquals(0, ac.find("a".repeat(1 << 20) + "b"));
    }

    private static int naive(List<String> phrases, String text) {
        String t = lower(text);
        for (int end = 1; end <= t.length(); end++) {
            int best = -1;
            for (int p = 0; p < phrases.size(); p++) {
                String ph = lower(phrases.get(p));
                if (ph.length() <= end && t.startsWith(ph, end - ph.length())
                        && (best < 0 || ph.length() > phrases.get(best).length())) {
                    best = p;
                }
            }
            if (best >= 0) {
                return best;
            }
        }
        return -1;
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    private static String word(Random r, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
