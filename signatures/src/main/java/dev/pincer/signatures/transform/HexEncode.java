package dev.pincer.signatures.transform;

/**
 * {@code t:hexEncode}: each byte as two lower-case hex digits, as libmodsecurity v3
 * ({@code hex_encode.cc}). The empty value stays empty.
 *
 * <p>Example: {@code <a>} gives {@code 3c613e}.
 */
final class HexEncode implements Transformation {

    @Override
    public String name() {
        return "hexEncode";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        if (n == 0) {
            return value;
        }
        byte[] out = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            int c = value.charAt(i);
            out[2 * i] = Bytes.hexDigit(c >> 4);
            out[2 * i + 1] = Bytes.hexDigit(c);
        }
        return Bytes.result(value, out, out.length);
    }
}
