package dev.pincer.signatures.transform;

/**
 * {@code t:urlDecode}: decodes {@code %XX} and turns {@code +} into a space, leniently, as
 * libmodsecurity v3's {@code urldecode_nonstrict_inplace} does. A {@code %} not followed by two
 * hex digits (or too close to the end) stays as it is; {@code %uXXXX} is not decoded (see
 * {@code urlDecodeUni}).
 *
 * <p>Example: {@code a%27+OR%2 } gives {@code a' OR%2 }.
 */
final class UrlDecode implements Transformation {

    @Override
    public String name() {
        return "urlDecode";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && value.charAt(first) != '%' && value.charAt(first) != '+') {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] in = Bytes.bytes(value);
        byte[] out = new byte[n];
        System.arraycopy(in, 0, out, 0, first);
        int d = first;
        int i = first;
        while (i < n) {
            int c = in[i] & 0xFF;
            if (c == '%' && i + 2 < n && Bytes.isHex(in[i + 1]) && Bytes.isHex(in[i + 2])) {
                out[d++] = (byte) Bytes.x2c(in[i + 1], in[i + 2]);
                i += 3;
            } else {
                out[d++] = c == '+' ? (byte) ' ' : (byte) c;
                i++;
            }
        }
        return Bytes.result(value, out, d);
    }
}
