package dev.pincer.signatures.transform;

/**
 * {@code t:compressWhitespace}: each run of whitespace becomes one space, as libmodsecurity v3
 * ({@code compress_whitespace.cc}). Whitespace is {@code isspace} in the C locale: space,
 * {@code \t \n \v \f \r}. v2 also counted the no-break space 0xA0; v3 does not, and neither does
 * this.
 *
 * <p>Example: {@code a \t\r\n b\x0bc} gives {@code a b c}.
 */
final class CompressWhitespace implements Transformation {

    @Override
    public String name() {
        return "compressWhitespace";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n) {
            char c = value.charAt(first);
            if (Bytes.isSpace(c) && (c != ' ' || (first + 1 < n && Bytes.isSpace(value.charAt(first + 1))))) {
                break;
            }
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] out = new byte[n];
        int d = 0;
        boolean inSpace = false;
        for (int i = 0; i < n; i++) {
            int c = value.charAt(i) & 0xFF;
            if (Bytes.isSpace(c)) {
                if (!inSpace) {
                    out[d++] = ' ';
                    inSpace = true;
                }
            } else {
                out[d++] = (byte) c;
                inSpace = false;
            }
        }
        return Bytes.result(value, out, d);
    }
}
