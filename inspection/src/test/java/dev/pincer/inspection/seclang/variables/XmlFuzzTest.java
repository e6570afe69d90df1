package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs for the XML processor; it must never throw, must report the text at most
 * once, and must return null or v3's XML error message. Inputs: random bytes over an alphabet rich
 * in XML syntax, and the vector bodies mutated one to four times. Override {@code -Dfuzz.seed} and
 * {@code -Dfuzz.iterations} for a longer local run.
 */
class XmlFuzzTest {
    private static final String ALPHABET = "<>/=\"'&;#x!?-[]CDATA a1\r\n\t\u00c3\u00a9\u00ff\0";
    private static final String[] FRAGMENTS = {"<a>", "</a>", "<a/>", "<!--", "-->", "<![CDATA[", "]]>", "<?pi ", "?>",
        "&amp;", "&#x41;", "&e;", "<!DOCTYPE a [", "]>", " x=\"1\"", "<?xml version=\"1.0\"?>"};

    @Test
    void randomInputsNeverThrow() throws Exception {
        List<String> seeds = XmlValuesTest.vectors().map(XmlValuesTest.Vector::body).filter(s -> !s.isEmpty()).toList();
        Random r = new Random(Long.getLong("fuzz.seed", 0x5eed_0c0dL));
        int n = Integer.getInteger("fuzz.iterations", 20_000);
        for (int i = 0; i < n; i++) {
            String body = r.nextInt(4) == 0 ? random(r, 1 + r.nextInt(300)) : mutate(seeds.get(r.nextInt(seeds.size())), r);
            XmlValuesTest.Recorder rec = new XmlValuesTest.Recorder();
            String error;
            try {
                error = XmlValues.parse(body, rec);
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " threw on " + MultipartFuzzTest.show(body), e);
                return;
            }
            assertTrue(error == null || error.startsWith(XmlValues.ERROR), error);
            assertTrue(rec.texts <= 1);
        }
    }

    static String random(Random r, int len) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            b.append(r.nextInt(3) == 0 ? (char) r.nextInt(256) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
            int at = b.isEmpty() ? 0 : r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> b.setLength(at);
                case 1 -> {
                    if (!b.isEmpty()) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> b.insert(at, (char) r.nextInt(256));
                case 3 -> b.insert(at, FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
                default -> {
                    int end = Math.min(b.length(), at + r.nextInt(64));
                    b.insert(at, b.substring(at, end));
                }
            }
        }
        return b.toString();
    }
}
