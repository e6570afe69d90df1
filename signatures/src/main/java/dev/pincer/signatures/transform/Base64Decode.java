package dev.pincer.signatures.transform;

/**
 * {@code t:base64Decode}: strict Base64 decoding, as libmodsecurity v3, which calls mbed TLS
 * 3.6's {@code mbedtls_base64_decode} on the value up to its first NUL byte. Any byte outside the
 * standard alphabet, a space inside a line, a lone {@code \r}, a digit after {@code =} or more
 * than two {@code =} makes the whole result empty. Line breaks ({@code \n}, {@code \r\n}) are
 * skipped, and so are spaces before a line break or at the end. A final group of fewer than four
 * characters is dropped ({@code YWJjZA} gives {@code abc}). v2 decoded leniently through APR;
 * for a lenient decoder use {@code base64DecodeExt}.
 *
 * <p>Example: {@code PHNjcmlwdD4=} gives {@code <script>}; {@code PHNj*} gives the empty string.
 */
final class Base64Decode implements Transformation {

    @Override
    public String name() {
        return "base64Decode";
    }

    @Override
    public String apply(String value) {
        if (value.isEmpty()) {
            return value;
        }
        int nul = value.indexOf('\0');
        int n = nul < 0 ? value.length() : nul;
        int digits = 0;
        int equals = 0;
        for (int i = 0; i < n; i++) {
            boolean spaces = false;
            while (i < n && value.charAt(i) == ' ') {
                i++;
                spaces = true;
            }
            if (i == n) {
                break;
            }
            char c = value.charAt(i);
            if ((c == '\r' && i + 1 < n && value.charAt(i + 1) == '\n') || c == '\n') {
                continue;
            }
            if (spaces || c > 127) {
                return "";
            }
            if (c == '=') {
                if (++equals > 2) {
                    return "";
                }
            } else if (equals != 0 || Base64DecodeExt.digit(c) < 0) {
                return "";
            }
            digits++;
        }
        if (digits == 0) {
            return "";
        }
        byte[] out = new byte[digits / 4 * 3];
        int d = 0;
        int x = 0;
        int accumulated = 0;
        equals = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == ' ') {
                continue;
            }
            x <<= 6;
            if (c == '=') {
                equals++;
            } else {
                x |= Base64DecodeExt.digit(c);
            }
            if (++accumulated == 4) {
                accumulated = 0;
                out[d++] = (byte) (x >> 16);
                if (equals <= 1) {
                    out[d++] = (byte) (x >> 8);
                }
                if (equals <= 0) {
                    out[d++] = (byte) x;
                }
            }
        }
        return Bytes.result(value, out, d);
    }
}
