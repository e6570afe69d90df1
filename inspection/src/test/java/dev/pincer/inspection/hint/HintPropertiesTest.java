package dev.pincer.inspection.hint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.internal.PercentDecoder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties the {@link InputHint} rules rely on, checked on random strings built from the
 * characters that matter. Seeded, so a failure reproduces.
 */
class HintPropertiesTest {
    private static final String ALPHABET = "%%%2e5cCfF0+/.:~aZ_@ '\"\u00e9\u0000\t\uff0f";

    /**
     * The hint never misses what an application that decodes a value once more would see: an
     * input's bits cover those of its value decoded once and twice.
     */
    @Test
    void bitsCoverTheValueDecodedTwice() {
        Random r = new Random(20250616L);
        for (int i = 0; i < 200_000; i++) {
            String s = random(r);
            for (boolean plus : new boolean[] {false, true}) {
                String once = PercentDecoder.decode(s, plus);
                String twice = PercentDecoder.decode(once, false);
                int bits = InputHint.of(new Input(InputSource.QUERY, "q", s, once));
                int needed = ValueBits.of(once) | ValueBits.of(twice);
                assertEquals(bits, bits | needed, () -> "decoding " + s + " to " + twice + " adds bits");
            }
        }
    }

    /** An input's bits never depend on the other inputs: the request's bits are the union. */
    @Test
    void requestBitsAreTheUnionOfInputBits() {
        Random r = new Random(20250617L);
        for (int i = 0; i < 20_000; i++) {
            Input a = new Input(InputSource.QUERY, random(r), random(r), random(r));
            Input b = new Input(InputSource.HEADER, "accept", random(r), random(r));
            int expected = InputHint.of(a) | InputHint.of(b);
            assertEquals(expected, InputHint.of(new RequestInputs(List.of(a, b), null, false), false));
        }
    }

    /**
     * Whatever an inert-header grammar accepts is free of quotes, shell and markup characters,
     * backslashes, traversal, control and non-ASCII characters; and no value makes it throw.
     */
    @Test
    void inertValuesNeverCarryDangerousCharacters() {
        String[] names = {"accept", "accept-language", "cache-control", "priority", "content-type",
            "if-modified-since", "authorization", "user-agent", "host"};
        String alphabet = "aZ09*/+.?_-,;= \t:[]~'\"`()<>|&$\\%\u00e9\u0000";
        Random r = new Random(20250618L);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder v = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                v.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String value = v.toString();
            String name = names[r.nextInt(names.length)];
            if (InertHeaders.bits(name, value) < 0) {
                continue;
            }
            boolean dangerous = value.contains("..") || value.startsWith("/") || value.chars().anyMatch(
                    c -> "'\"`()<>|&$\\%\t".indexOf(c) >= 0 || c < 0x20 || c > 0x7e);
            assertEquals(false, dangerous, () -> name + ": " + value + " judged inert");
        }
    }

    private static String random(Random r) {
        StringBuilder s = new StringBuilder();
        for (int k = r.nextInt(10); k > 0; k--) {
            s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
