package dev.pincer.signatures.transform;

/**
 * {@code t:jsDecode}: decodes JavaScript escapes, as libmodsecurity v3 ({@code js_decode.cc}):
 * <ul>
 *   <li><code>&#92;uHHHH</code> (lower-case {@code u} only) gives its lower byte; full-width ASCII
 *       (<code>&#92;uff01</code>-<code>&#92;uff5e</code>) gets 0x20 added, giving the ASCII
 *       character;</li>
 *   <li>{@code \xHH} (lower-case {@code x} only) gives that byte;</li>
 *   <li>{@code \OOO}: one to three octal digits, but only two when three would exceed one byte
 *       ({@code \101} is {@code A}; {@code \477} is octal 47, {@code '}, then {@code 7});</li>
 *   <li>{@code \a \b \f \n \r \t \v} give the control character; a backslash before any other
 *       character is dropped (<code>&#92;u12</code>, {@code \x} and {@code \'} give {@code u12},
 *       {@code x}, {@code '});</li>
 *   <li>a backslash at the very end stays.</li>
 * </ul>
 *
 * <p>Example: <code>\x3cscript&#92;u003e\141lert(1)</code> gives {@code <script>alert(1)}.
 */
final class JsDecode implements Transformation {

    @Override
    public String name() {
        return "jsDecode";
    }

    @Override
    public String apply(String value) {
        int first = value.indexOf('\\');
        if (first < 0) {
            return value;
        }
        byte[] in = Bytes.bytes(value);
        int n = in.length;
        byte[] out = new byte[n];
        System.arraycopy(in, 0, out, 0, first);
        int d = first;
        int i = first;
        while (i < n) {
            if (in[i] != '\\') {
                out[d++] = in[i++];
            } else if (i + 5 < n && in[i + 1] == 'u' && Bytes.isHex(in[i + 2]) && Bytes.isHex(in[i + 3])
                    && Bytes.isHex(in[i + 4]) && Bytes.isHex(in[i + 5])) {
                int b = Bytes.x2c(in[i + 4], in[i + 5]);
                if (b > 0x00 && b < 0x5F && (in[i + 2] | 0x20) == 'f' && (in[i + 3] | 0x20) == 'f') {
                    b += 0x20;
                }
                out[d++] = (byte) b;
                i += 6;
            } else if (i + 3 < n && in[i + 1] == 'x' && Bytes.isHex(in[i + 2]) && Bytes.isHex(in[i + 3])) {
                out[d++] = (byte) Bytes.x2c(in[i + 2], in[i + 3]);
                i += 4;
            } else if (i + 1 < n && Bytes.isOctal(in[i + 1])) {
                int j = 1;
                while (j < 3 && i + 1 + j < n && Bytes.isOctal(in[i + 1 + j])) {
                    j++;
                }
                if (j == 3 && in[i + 1] > '3') {
                    j = 2;
                }
                int v = 0;
                for (int m = 0; m < j; m++) {
                    v = v * 8 + (in[i + 1 + m] - '0');
                }
                out[d++] = (byte) v;
                i += 1 + j;
            } else if (i + 1 < n) {
                out[d++] = (byte) control(in[i + 1] & 0xFF);
                i += 2;
            } else {
                out[d++] = in[i++];
            }
        }
        return Bytes.result(value, out, d);
    }

    /** The character {@code \c} stands for: a control character for a b f n r t v, else c. */
    static int control(int c) {
        return switch (c) {
            case 'a' -> 0x07;
            case 'b' -> 0x08;
            case 'f' -> 0x0C;
            case 'n' -> 0x0A;
            case 'r' -> 0x0D;
            case 't' -> 0x09;
            case 'v' -> 0x0B;
            default -> c;
        };
    }
}
