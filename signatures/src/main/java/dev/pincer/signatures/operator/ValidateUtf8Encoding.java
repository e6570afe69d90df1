package dev.pincer.signatures.operator;

/**
 * {@code @validateUtf8Encoding}: true when the value (a byte string) is not valid UTF-8 by
 * ModSecurity v3's {@code detect_utf8_character} checks, exactly: a sequence cut short at the end,
 * a continuation byte not {@code 10xxxxxx}, a lead byte {@code 10xxxxxx} or {@code 11111xxx}, a
 * lead byte {@code F5}-{@code F7}, an overlong form ({@code C0 80}, {@code E0 80 80}...), or a
 * surrogate (U+D800-U+DFFF). Like v3, a 4-byte form led by {@code F4} above U+10FFFF passes. The
 * argument is ignored.
 *
 * <p>Example: matches {@code %C0%AF} (overlong {@code /}) and {@code %ED%A0%80}; not
 * {@code caf%C3%A9}.
 */
final class ValidateUtf8Encoding implements Operator {

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        int n = value.length();
        int i = 0;
        while (i < n) {
            int len = sequenceLength(value, i, n - i);
            if (len <= 0) {
                return true;
            }
            i += len;
        }
        return false;
    }

    /** Length of the valid UTF-8 sequence at {@code i}, or 0 when it is invalid. */
    private static int sequenceLength(String s, int i, int left) {
        int c = s.charAt(i) & 0xff;
        int len;
        int cp;
        if ((c & 0x80) == 0) {
            return 1;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            if (c >= 0xF5) {
                return 0;
            }
            len = 4;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (left < len) {
            return 0;
        }
        for (int k = 1; k < len; k++) {
            int b = s.charAt(i + k) & 0xff;
            if ((b & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return 0;
        }
        if ((len == 4 && cp < 0x10000) || (len == 3 && cp < 0x800) || (len == 2 && cp < 0x80)) {
            return 0;
        }
        return len;
    }
}
