package dev.pincer.signatures.transform;

/**
 * {@code t:replaceNulls}: replaces every NUL byte with a space, as libmodsecurity v3
 * ({@code replace_nulls.cc}).
 *
 * <p>Example: {@code a\x00b} gives {@code a b}.
 */
final class ReplaceNulls implements Transformation {

    @Override
    public String name() {
        return "replaceNulls";
    }

    @Override
    public String apply(String value) {
        if (value.indexOf('\0') < 0) {
            return value;
        }
        int n = value.length();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            out[i] = c == 0 ? (byte) ' ' : (byte) c;
        }
        return Bytes.result(value, out, n);
    }
}
