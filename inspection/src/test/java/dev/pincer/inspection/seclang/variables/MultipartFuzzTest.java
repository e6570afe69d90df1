package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs for the multipart processor; it must never throw, must report every flag,
 * and must return null or a "Multipart parsing error: " message. Inputs: random bytes over an
 * alphabet rich in multipart syntax, and the vector bodies mutated one to four times. Override
 * {@code -Dfuzz.seed} and {@code -Dfuzz.iterations} for a longer local run.
 */
class MultipartFuzzTest {
    private static final String ALPHABET = "-\r\n\"';=:\\ \tbB0a%*\0\u00ff\u000b";
    private static final String[] FRAGMENTS = {"--b", "--b--", "\r\n", "\n", "Content-Disposition: form-data",
        "; name=\"", "; filename=", "filename*=UTF-8''", "Content-Type: ", "\r\n\r\n", " ", "\\\"", "'"};
    private static final String[] TYPES = {"multipart/form-data; boundary=b", "multipart/form-data; boundary=\"b\"",
        "multipart/form-data boundary=b", "multipart/form-data; boundary= b", "multipart/form-data; boundary=b; x=1"};

    @Test
    void randomInputsNeverThrow() throws Exception {
        List<String> seeds = MultipartArgumentsTest.vectors().map(MultipartArgumentsTest.Vector::body)
                .filter(s -> !s.isEmpty()).toList();
        Random r = new Random(Long.getLong("fuzz.seed", 0x5eed_b0d1L));
        int n = Integer.getInteger("fuzz.iterations", 20_000);
        for (int i = 0; i < n; i++) {
            String body = r.nextInt(4) == 0 ? random(r, 1 + r.nextInt(300)) : mutate(seeds.get(r.nextInt(seeds.size())), r);
            String ct = r.nextInt(10) == 0 ? random(r, r.nextInt(40)) : TYPES[r.nextInt(TYPES.length)];
            MultipartArgumentsTest.Recorder rec = new MultipartArgumentsTest.Recorder();
            String error;
            try {
                error = MultipartArguments.parse(body, ct, rec);
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " threw on ct=" + show(ct) + " body=" + show(body), e);
                return;
            }
            assertTrue(error == null || error.startsWith(MultipartArguments.ERROR_PREFIX), error);
            assertTrue(rec.flags.keySet().containsAll(MultipartFlags.NAMES));
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

    static String show(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                b.append(c);
            } else {
                b.append(String.format("\\x%02x", (int) c));
            }
        }
        return b.toString();
    }
}
