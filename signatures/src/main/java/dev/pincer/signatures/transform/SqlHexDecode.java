package dev.pincer.signatures.transform;

/**
 * {@code t:sqlHexDecode}: decodes SQL hex literals, as libmodsecurity v3
 * ({@code sql_hex_decode.cc}): {@code 0x} or {@code 0X} followed by at least two hex digits
 * becomes the bytes of the digit pairs; an odd last digit stays as it is. Anything else is
 * copied.
 *
 * <p>Example: {@code SELECT 0x61646d696e} gives {@code SELECT admin}; {@code 0x414} gives
 * {@code A4}; {@code 0x4} stays.
 */
final class SqlHexDecode implements Transformation {

    @Override
    public String name() {
        return "sqlHexDecode";
    }

    @Override
    public String apply(String value) {
        int first = value.indexOf('0');
        if (first < 0) {
            return value;
        }
        byte[] in = Bytes.bytes(value);
        int n = in.length;
        byte[] out = new byte[n];
        int d = 0;
        int i = 0;
        while (i < n) {
            if (i + 3 < n && in[i] == '0' && (in[i + 1] == 'x' || in[i + 1] == 'X')
                    && Bytes.isHex(in[i + 2]) && Bytes.isHex(in[i + 3])) {
                i += 2;
                do {
                    out[d++] = (byte) Bytes.x2c(in[i], in[i + 1]);
                    i += 2;
                } while (i + 1 < n && Bytes.isHex(in[i]) && Bytes.isHex(in[i + 1]));
            } else {
                out[d++] = in[i++];
            }
        }
        return Bytes.result(value, out, d);
    }
}
