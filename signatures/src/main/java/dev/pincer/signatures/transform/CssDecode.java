package dev.pincer.signatures.transform;

/**
 * {@code t:cssDecode}: decodes CSS 2 escapes, as libmodsecurity v3 ({@code css_decode.cc}). A
 * backslash followed by one to six hex digits gives one byte: the last two digits (or the only
 * one). With four digits, or five or six digits with leading zeros up to four, full-width ASCII
 * ({@code ff01}-{@code ff5e}) gets 0x20 added, giving the ASCII character. One whitespace after a
 * hex escape is swallowed. A backslash before a newline drops both; before any other character it
 * is dropped; a backslash at the very end is dropped.
 *
 * <p>Example: {@code \6a \61vascript\:} gives {@code javascript:}.
 */
final class CssDecode implements Transformation {

    @Override
    public String name() {
        return "cssDecode";
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
                continue;
            }
            if (i + 1 >= n) {
                i++;
                continue;
            }
            i++;
            int j = 0;
            while (j < 6 && i + j < n && Bytes.isHex(in[i + j])) {
                j++;
            }
            if (j > 0) {
                int b = j == 1 ? Bytes.hexValue(in[i]) : Bytes.x2c(in[i + j - 2], in[i + j - 1]);
                boolean fullCheck = j == 4
                        || (j == 5 && in[i] == '0')
                        || (j == 6 && in[i] == '0' && in[i + 1] == '0');
                if (fullCheck && b > 0x00 && b < 0x5F
                        && (in[i + j - 3] | 0x20) == 'f' && (in[i + j - 4] | 0x20) == 'f') {
                    b += 0x20;
                }
                out[d++] = (byte) b;
                if (i + j < n && Bytes.isSpace(in[i + j])) {
                    j++;
                }
                i += j;
            } else if (in[i] == '\n') {
                i++;
            } else {
                out[d++] = in[i++];
            }
        }
        return Bytes.result(value, out, d);
    }
}
