package dev.pincer.signatures.transform;

/**
 * {@code t:lowercase}: ASCII letters to lower case, as {@code tolower} in the C locale that
 * libmodsecurity v3 runs in; bytes 0x80-0xFF are left alone.
 *
 * <p>Example: {@code SeLeCt \xC9} gives {@code select \xC9}.
 */
final class LowerCase implements Transformation {

    @Override
    public String name() {
        return "lowercase";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && Bytes.toLower(value.charAt(first)) == value.charAt(first)) {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) Bytes.toLower(value.charAt(i) & 0xFF);
        }
        return Bytes.result(value, out, n);
    }
}
