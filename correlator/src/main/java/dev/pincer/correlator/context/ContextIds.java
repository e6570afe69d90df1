package dev.pincer.correlator.context;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Context ids: 32 lower-case hex characters (128 random bits). Each thread draws from its own
 * {@link SplittableRandom} seeded from {@link SecureRandom}, so minting one costs two
 * {@code nextLong()} calls and no lock. The ids need to be unique, not secret: the header that
 * carries them is signed, and the proxy strips client-sent {@code X-Pincer-*} headers.
 */
final class ContextIds {
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<SplittableRandom> RANDOM =
            ThreadLocal.withInitial(() -> new SplittableRandom(SEEDS.nextLong()));
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ContextIds() {
    }

    static String next() {
        SplittableRandom r = RANDOM.get();
        byte[] out = new byte[32];
        hex(r.nextLong(), out, 0);
        hex(r.nextLong(), out, 16);
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void hex(long v, byte[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
    }

    /** True for exactly 32 lower-case hex characters. */
    static boolean valid(String id) {
        if (id.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
