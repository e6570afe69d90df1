package dev.pincer.signatures.transform;

/**
 * {@code t:escapeSeqDecode}: decodes ANSI C escapes, as libmodsecurity v3
 * ({@code escape_seq_decode.cc}): {@code \a \b \f \n \r \t \v \\ \? \' \"}, {@code \xHH} or
 * {@code \XHH} (exactly two hex digits), and {@code \O} to {@code \OOO} (one to three octal
 * digits, kept to the low byte: {@code \777} is 0xFF). A backslash before anything else is
 * dropped ({@code \x4} gives {@code x4}, {@code \z} gives {@code z}); a backslash at the very end
 * stays.
 *
 * <p>Example: {@code \x63at\t/etc/\160asswd} gives {@code cat<TAB>/etc/passwd}.
 */
final class EscapeSeqDecode implements Transformation {

    @Override
    public String name() {
        return "escapeSeqDecode";
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
            if (in[i] != '\\' || i + 1 >= n) {
                out[d++] = in[i++];
                continue;
            }
            int next = in[i + 1] & 0xFF;
            int c = simple(next);
            if (c >= 0) {
                i += 2;
            } else if (next == 'x' || next == 'X') {
                if (i + 3 < n && Bytes.isHex(in[i + 2]) && Bytes.isHex(in[i + 3])) {
                    c = Bytes.x2c(in[i + 2], in[i + 3]);
                    i += 4;
                }
            } else if (Bytes.isOctal(next)) {
                int j = 1;
                while (j < 3 && i + 1 + j < n && Bytes.isOctal(in[i + 1 + j])) {
                    j++;
                }
                c = 0;
                for (int m = 0; m < j; m++) {
                    c = c * 8 + (in[i + 1 + m] - '0');
                }
                i += 1 + j;
            }
            if (c < 0) {
                out[d++] = (byte) next;
                i += 2;
            } else {
                out[d++] = (byte) c;
            }
        }
        return Bytes.result(value, out, d);
    }

    /** The byte a one-character escape stands for, or -1 when {@code c} is not one. */
    private static int simple(int c) {
        return switch (c) {
            case 'a' -> 0x07;
            case 'b' -> 0x08;
            case 'f' -> 0x0C;
            case 'n' -> 0x0A;
            case 'r' -> 0x0D;
            case 't' -> 0x09;
            case 'v' -> 0x0B;
            case '\\', '?', '\'', '"' -> c;
            default -> -1;
        };
    }
}
