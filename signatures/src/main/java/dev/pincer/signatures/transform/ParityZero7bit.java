package dev.pincer.signatures.transform;

/**
 * {@code t:parityZero7bit}: clears bit 7 of each byte, as libmodsecurity v3
 * ({@code parity_zero_7bit.cc}).
 *
 * <p>Example: {@code \xC1\xC2C} gives {@code ABC}.
 */
final class ParityZero7bit implements Transformation {

    @Override
    public String name() {
        return "parityZero7bit";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && value.charAt(first) < 0x80) {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (value.charAt(i) & 0x7F);
        }
        return Bytes.result(value, out, n);
    }
}
