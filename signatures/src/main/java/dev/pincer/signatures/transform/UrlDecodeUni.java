package dev.pincer.signatures.transform;

/**
 * {@code t:urlDecodeUni}: {@code urlDecode} plus IIS-style {@code %uXXXX}, as libmodsecurity v3
 * ({@code url_decode_uni.cc}). A {@code %uXXXX} with four hex digits becomes one byte: its lower
 * byte, except that full-width ASCII ({@code %uFF01}-{@code %uFF5E}) gets 0x20 added, giving the
 * ASCII character ({@code %uff0e} is {@code .}). A {@code %u} without four hex digits is kept as
 * {@code %u} and decoding goes on after it; other invalid or truncated escapes stay as they are;
 * {@code +} becomes a space.
 *
 * <p>With a {@code SecUnicodeMapFile} ({@link UnicodeMap}), a mapped code point gives its mapped
 * byte instead, as in v3; this registry's shared instance has no map.
 *
 * <p>Example: {@code %u0027%uff1cscript+%u12} gives {@code '<script %u12}.
 */
final class UrlDecodeUni implements Transformation {

    /** Byte per code point, -1 where unmapped; null without a map. */
    private final int[] map;

    /** Without a unicode map, as v3 without {@code SecUnicodeMapFile}. */
    UrlDecodeUni() {
        this(null);
    }

    /** @param map byte per code point (0..65535), -1 where unmapped; null for none */
    UrlDecodeUni(int[] map) {
        this.map = map;
    }

    @Override
    public String name() {
        return "urlDecodeUni";
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
            if (c != '%') {
                out[d++] = c == '+' ? (byte) ' ' : (byte) c;
                i++;
            } else if (i + 1 < n && (in[i + 1] == 'u' || in[i + 1] == 'U')) {
                if (i + 5 < n && Bytes.isHex(in[i + 2]) && Bytes.isHex(in[i + 3])
                        && Bytes.isHex(in[i + 4]) && Bytes.isHex(in[i + 5])) {
                    int mapped = map == null ? -1 : map[(Bytes.x2c(in[i + 2], in[i + 3]) << 8)
                            | Bytes.x2c(in[i + 4], in[i + 5])];
                    int b = Bytes.x2c(in[i + 4], in[i + 5]);
                    if (mapped != -1) {
                        b = mapped;
                    } else if (b > 0x00 && b < 0x5F && (in[i + 2] | 0x20) == 'f' && (in[i + 3] | 0x20) == 'f') {
                        b += 0x20;
                    }
                    out[d++] = (byte) b;
                    i += 6;
                } else {
                    out[d++] = in[i++];
                    out[d++] = in[i++];
                }
            } else if (i + 2 < n && Bytes.isHex(in[i + 1]) && Bytes.isHex(in[i + 2])) {
                out[d++] = (byte) Bytes.x2c(in[i + 1], in[i + 2]);
                i += 3;
            } else {
                out[d++] = in[i++];
            }
        }
        return Bytes.result(value, out, d);
    }
}
