package dev.pincer.signatures.transform;

/**
 * {@code t:removeWhitespace}: removes whitespace ({@code isspace} in the C locale: space,
 * {@code \t \n \v \f \r}), the no-break space 0xA0 and, as libmodsecurity v3 does
 * ({@code remove_whitespace.cc}), every 0xC2 byte, the lead byte of UTF-8's U+00A0. v2 removed
 * 0xA0 but not 0xC2.
 *
 * <p>Example: {@code un ion\t\xc2\xa0sel\x0bect} gives {@code unionselect}.
 */
final class RemoveWhitespace implements Transformation {

    @Override
    public String name() {
        return "removeWhitespace";
    }

    private static boolean removed(int c) {
        return Bytes.isSpace(c) || c == Bytes.NBSP || c == 0xC2;
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && !removed(value.charAt(first))) {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] out = new byte[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            int c = value.charAt(i) & 0xFF;
            if (!removed(c)) {
                out[d++] = (byte) c;
            }
        }
        return Bytes.result(value, out, d);
    }
}
