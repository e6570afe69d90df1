package dev.pincer.proxy.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.proxy.http1.DecoderHarness.Split;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of valid requests, fed whole and in random pieces. The decoder must
 * only ever emit well-ordered requests, contents and rejections (DecoderHarness checks that),
 * never throw, never leak, and reach the same outcome however the bytes were split.
 */
class DecoderFuzzTest {

    private static final int ITERATIONS = 3000;
    private static final Http1Limits LIMITS = new Http1Limits(64, 256, 8, 128);
    private static final byte[] INTERESTING = " \t\r\n:;,\"=\\\u0000\u007f0fF-+xX/".getBytes(StandardCharsets.ISO_8859_1);

    private static final List<byte[]> SEEDS = List.of(
            seed("GET /a?b=c HTTP/1.1\r\nHost: a.example:80\r\nAccept: */*\r\n\r\n"),
            seed("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"),
            seed("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;x=\"y\"\r\nhello\r\n"
                    + "3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n"),
            seed("GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\nOPTIONS * HTTP/1.0\r\n\r\n"),
            seed("\r\nPUT /x HTTP/1.1\r\nHost: [::1]\r\nContent-Length: 2, 2\r\n\r\nhiGET / HTTP/1.1\r\nHost: b\r\n\r\n"));

    private static byte[] seed(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void mutatedRequestsNeverBreakTheDecoder() {
        Random random = new Random(0x5EED_1);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            long seed = random.nextLong();
            List<String> whole = DecoderHarness.run(LIMITS, input, Split.WHOLE, seed);
            List<String> pieces = DecoderHarness.run(LIMITS, input, Split.RANDOM, seed);
            assertEquals(whole, pieces, () -> "iteration split-dependent on input " + DecoderHarness.escape(input));
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> b = insert(b, at, new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]});
                case 3 -> b = b.length > 1 ? remove(b, at) : b;
                case 4 -> b = insert(b, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + random.nextInt(40))));
                default -> b = Arrays.copyOf(b, Math.max(1, at));
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] bytes) {
        byte[] r = new byte[b.length + bytes.length];
        System.arraycopy(b, 0, r, 0, at);
        System.arraycopy(bytes, 0, r, at, bytes.length);
        System.arraycopy(b, at, r, at + bytes.length, b.length - at);
        return r;
    }

    private static byte[] remove(byte[] b, int at) {
        byte[] r = new byte[b.length - 1];
        System.arraycopy(b, 0, r, 0, at);
        System.arraycopy(b, at + 1, r, at, b.length - at - 1);
        return r;
    }
}
