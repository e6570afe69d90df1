package dev.pincer.signatures.transform;

/**
 * {@code t:parityEven7bit}: sets or clears bit 7 of each byte so that the byte has even parity,
 * as libmodsecurity v3 ({@code parity_even_7bit.h}). Like v3, the parity is computed over all
 * eight bits as they arrive, so a byte that already has bit 7 keeps it exactly when its eight
 * bits have odd parity. The empty value stays empty.
 *
 * <p>Example: {@code ABC} (0x41 0x42 0x43) gives {@code AB\xC3}.
 */
final class ParityEven7bit implements Transformation {

    @Override
    public String name() {
        return "parityEven7bit";
    }

    /**
     * v3's rule for one byte: for even parity, bit 7 is set when the eight bits of {@code x} have
     * odd parity and cleared otherwise; for odd parity, the reverse.
     */
    static int parity(int x, boolean even) {
        int nibble = (x ^ (x >> 4)) & 0x0F;
        boolean oddParity = ((0x6996 >> nibble) & 1) != 0;
        return oddParity == even ? x | 0x80 : x & 0x7F;
    }

    /** Applies {@link #parity} to every byte. */
    static String apply(String value, boolean even) {
        int n = value.length();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) parity(value.charAt(i) & 0xFF, even);
        }
        return Bytes.result(value, out, n);
    }

    @Override
    public String apply(String value) {
        return apply(value, true);
    }
}
