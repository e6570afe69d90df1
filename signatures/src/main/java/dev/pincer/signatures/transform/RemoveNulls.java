package dev.pincer.signatures.transform;

/**
 * {@code t:removeNulls}: removes every NUL byte, as libmodsecurity v3 ({@code remove_nulls.cc}).
 *
 * <p>Example: {@code <scr\x00ipt>} gives {@code <script>}.
 */
final class RemoveNulls implements Transformation {

    @Override
    public String name() {
        return "removeNulls";
    }

    @Override
    public String apply(String value) {
        int first = value.indexOf('\0');
        if (first < 0) {
            return value;
        }
        int n = value.length();
        byte[] out = new byte[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c != 0) {
                out[d++] = (byte) c;
            }
        }
        return Bytes.result(value, out, d);
    }
}
