package dev.pincer.signatures.transform;

/**
 * {@code t:urlEncode}: percent-encodes every byte but {@code *}, digits and ASCII letters, with
 * lower-case hex, and a space as {@code +}, as libmodsecurity v3 ({@code url_encode.cc}). Note
 * that {@code -}, {@code .}, {@code _} and {@code ~} are encoded too.
 *
 * <p>Example: {@code a b/c.d} gives {@code a+b%2fc%2ed}.
 */
final class UrlEncode implements Transformation {

    @Override
    public String name() {
        return "urlEncode";
    }

    private static boolean kept(int c) {
        return c == '*' || Bytes.isAlnum(c);
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && kept(value.charAt(first))) {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] out = new byte[first + (n - first) * 3];
        for (int i = 0; i < first; i++) {
            out[i] = (byte) value.charAt(i);
        }
        int d = first;
        for (int i = first; i < n; i++) {
            int c = value.charAt(i) & 0xFF;
            if (c == ' ') {
                out[d++] = '+';
            } else if (kept(c)) {
                out[d++] = (byte) c;
            } else {
                out[d++] = '%';
                out[d++] = Bytes.hexDigit(c >> 4);
                out[d++] = Bytes.hexDigit(c);
            }
        }
        return Bytes.result(value, out, d);
    }
}
