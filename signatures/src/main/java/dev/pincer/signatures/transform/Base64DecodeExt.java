package dev.pincer.signatures.transform;

/**
 * {@code t:base64DecodeExt}: forgiving Base64 decoding, as libmodsecurity v3's
 * {@code decode_forgiven}: every byte outside the standard alphabet is skipped (NULs included),
 * {@code =} is skipped, and only whole bytes are kept. Two inputs give the empty string, as in
 * v3: a {@code =} not followed by another {@code =} right after the first character of a
 * four-character group ({@code QUJDQ=}), and a value whose last byte is {@code 9} when it begins
 * a group ({@code QUJD9}: v3 compares the last decoded sextet, 61, with the code of {@code =}).
 *
 * <p>Example: {@code PHNj cmlw*dD4} gives {@code <script>}.
 */
final class Base64DecodeExt implements Transformation {

    @Override
    public String name() {
        return "base64DecodeExt";
    }

    /** The value of a standard Base64 digit, or -1. */
    static int digit(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        if (n == 0) {
            return value;
        }
        byte[] out = new byte[n];
        int groups = 0;
        int d = 0;
        int last = 0;
        for (int p = 0; p < n; p++) {
            int c = value.charAt(p) & 0xFF;
            if (c == '=') {
                last = '=';
                int next = p + 1 < n ? value.charAt(p + 1) & 0xFF : 0;
                if (next != '=' && groups % 4 == 1) {
                    return "";
                }
                continue;
            }
            int ch = digit(c);
            last = ch;
            if (ch < 0) {
                continue;
            }
            switch (groups % 4) {
                case 0 -> out[d] = (byte) (ch << 2);
                case 1 -> {
                    out[d++] |= (byte) (ch >> 4);
                    out[d] = (byte) ((ch & 0x0F) << 4);
                }
                case 2 -> {
                    out[d++] |= (byte) (ch >> 2);
                    out[d] = (byte) ((ch & 0x03) << 6);
                }
                default -> out[d++] |= (byte) ch;
            }
            groups++;
        }
        if (last == '=' && groups % 4 == 1) {
            return "";
        }
        return Bytes.result(value, out, d);
    }
}
