package dev.pincer.signatures.transform;

/**
 * {@code t:uppercase}: ASCII letters to upper case, as {@code toupper} in the C locale that
 * libmodsecurity v3 runs in; bytes 0x80-0xFF are left alone.
 *
 * <p>Example: {@code SeLeCt \xE9} gives {@code SELECT \xE9}.
 */
final class UpperCase implements Transformation {

    @Override
    public String name() {
        return "uppercase";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && Bytes.toUpper(value.charAt(first)) == value.charAt(first)) {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) Bytes.toUpper(value.charAt(i) & 0xFF);
        }
        return Bytes.result(value, out, n);
    }
}
