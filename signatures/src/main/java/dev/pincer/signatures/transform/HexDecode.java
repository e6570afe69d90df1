package dev.pincer.signatures.transform;

/**
 * {@code t:hexDecode}: reads the value as pairs of hex digits, one byte per pair, as
 * libmodsecurity v3 ({@code hex_decode.cc}). Like v3 it does not validate: a pair that is not hex
 * still gives a byte by v3's digit arithmetic ({@code zz} gives 0x53). A final odd digit is
 * dropped. A value of one byte gives the empty string: v3 reads past the end there, so any
 * choice differs from it, and dropping the odd digit is the rule for every other length.
 *
 * <p>Example: {@code 3c7363726970743e} gives {@code <script>}; {@code 414} gives {@code A}.
 */
final class HexDecode implements Transformation {

    @Override
    public String name() {
        return "hexDecode";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        if (n == 0) {
            return value;
        }
        byte[] out = new byte[n / 2];
        int d = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            out[d++] = (byte) Bytes.x2c(value.charAt(i) & 0xFF, value.charAt(i + 1) & 0xFF);
        }
        return Bytes.result(value, out, d);
    }
}
