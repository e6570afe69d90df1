package dev.pincer.inspection.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.internal.InputCollector;
import dev.pincer.inspection.testing.Invariants;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded random fuzzer for one body processor, called directly so that any exception reaches the
 * test instead of the extractor's safety net. Inputs are random bytes from the format's alphabet
 * and valid seed bodies mutated one to four times (truncate, delete, insert or replace a byte,
 * insert a fragment, repeat a slice, splice two seeds). Limits are the defaults or, one time in
 * three, tiny random ones so the limit paths are hit too. A failure message carries the input.
 */
final class BodyFuzz {
    /** A body processor under test. */
    interface Processor {
        void parse(byte[] body, boolean complete, InputCollector out);
    }

    private final Processor processor;
    private final List<byte[]> seeds;
    private final byte[] alphabet;
    private final byte[][] fragments;

    BodyFuzz(Processor processor, List<String> seeds, String alphabet, String... fragments) {
        this.processor = processor;
        this.seeds = seeds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.alphabet = alphabet.getBytes(StandardCharsets.UTF_8);
        this.fragments = Arrays.stream(fragments).map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /**
     * Runs {@code iterations} random cases from {@code seed}; for a longer local run, override both
     * with {@code -Dfuzz.seed=... -Dfuzz.iterations=...}.
     */
    void run(long seed, int iterations) {
        Random r = new Random(Long.getLong("fuzz.seed", seed));
        int n = Integer.getInteger("fuzz.iterations", iterations);
        for (int i = 0; i < n; i++) {
            byte[] body = r.nextInt(4) == 0 ? randomBytes(r) : mutate(seeds.get(r.nextInt(seeds.size())), r);
            boolean tiny = r.nextInt(3) == 0;
            int[] l = tiny ? new int[] {1 + r.nextInt(8), 1 + r.nextInt(16), 1 + r.nextInt(8), 1 + r.nextInt(4),
                1 + r.nextInt(4), 1 + r.nextInt(4)} : new int[] {1024, 8192, 256, 64, 256, 512};
            parseChecked(body, r.nextBoolean(), l, "iteration " + i);
        }
    }

    /** Every seed parses without fault, and every cut of it (complete = false) is never malformed. */
    void seedsAndTheirPrefixes() {
        for (byte[] s : seeds) {
            assertNull(parseChecked(s, true, null, "seed").bodyMalformed(),
                    () -> "seed malformed: " + Invariants.show(s));
            for (int cut = 0; cut <= s.length; cut++) {
                byte[] prefix = Arrays.copyOf(s, cut);
                RequestInputs r = parseChecked(prefix, false, null, "prefix");
                assertNull(r.bodyMalformed(), () -> "cut prefix malformed: " + Invariants.show(prefix));
            }
        }
    }

    private RequestInputs parseChecked(byte[] body, boolean complete, int[] l, String what) {
        int[] limits = l == null ? new int[] {1024, 8192, 256, 64, 256, 512} : l;
        InputCollector out = new InputCollector(limits[0], limits[1], limits[2], limits[3], limits[4], limits[5]);
        try {
            processor.parse(body, complete, out);
        } catch (Throwable t) {
            fail(what + " (complete=" + complete + ", limits=" + Arrays.toString(limits) + ") threw " + t + " for: "
                    + Invariants.show(body), t);
        }
        RequestInputs r = out.result();
        Invariants.check(r, limits[0], limits[1], limits[2], () -> what + ": " + Invariants.show(body));
        if (r.bodyMalformed() != null) {
            assertFalse(r.bodyMalformed().isEmpty());
        }
        return r;
    }

    private byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(200)];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(8) == 0 ? (byte) r.nextInt(256) : alphabet[r.nextInt(alphabet.length)];
        }
        return b;
    }

    private byte[] mutate(byte[] s, Random r) {
        byte[] b = s;
        for (int t = 1 + r.nextInt(4); t > 0 && b.length > 0; t--) {
            int at = r.nextInt(b.length);
            b = switch (r.nextInt(7)) {
                case 0 -> Arrays.copyOf(b, at);
                case 1 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + r.nextInt(8)),
                        b.length));
                case 2 -> concat(Arrays.copyOf(b, at), new byte[] {alphabet[r.nextInt(alphabet.length)]},
                        Arrays.copyOfRange(b, at, b.length));
                case 3 -> {
                    byte[] c = b.clone();
                    c[at] = r.nextBoolean() ? (byte) r.nextInt(256) : alphabet[r.nextInt(alphabet.length)];
                    yield c;
                }
                case 4 -> concat(Arrays.copyOf(b, at), fragments[r.nextInt(fragments.length)],
                        Arrays.copyOfRange(b, at, b.length));
                case 5 -> {
                    byte[] slice = Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + r.nextInt(16)));
                    byte[] c = Arrays.copyOf(b, at);
                    for (int k = r.nextInt(20); k >= 0; k--) {
                        c = concat(c, slice);
                    }
                    yield concat(c, Arrays.copyOfRange(b, at, b.length));
                }
                default -> {
                    byte[] other = seeds.get(r.nextInt(seeds.size()));
                    int from = r.nextInt(other.length);
                    yield concat(Arrays.copyOf(b, at), Arrays.copyOfRange(other, from, other.length));
                }
            };
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
