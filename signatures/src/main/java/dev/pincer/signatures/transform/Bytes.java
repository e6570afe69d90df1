package dev.pincer.signatures.transform;

/**
 * Byte-string helpers shared by the transformations: C-locale character classes and the exact hex
 * arithmetic of libmodsecurity v3 ({@code src/utils/string.h}), so that each transformation reads
 * like the code it mirrors.
 *
 * <p>Values are byte strings: one char per byte. A char above 255 is outside that contract: no
 * transformation throws on one, a rewrite keeps only its low byte, and a value returned unchanged
 * keeps it.
 *
 * <p>Example: {@code Bytes.x2c('4', '1')} is 0x41; {@code Bytes.isSpace(0xA0)} is false.
 */
final class Bytes {

    /** The no-break space, 0xA0, as ModSecurity names it ({@code NBSP}). */
    static final int NBSP = 0xA0;

    private Bytes() {}

    /** The byte at {@code i}, or 0 past the end, as a NUL-terminated C string reads. */
    static int at(byte[] b, int i) {
        return i < b.length ? b[i] & 0xFF : 0;
    }

    /** The value as bytes, one per char (the low byte of each char). */
    static byte[] bytes(String value) {
        int n = value.length();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) value.charAt(i);
        }
        return b;
    }

    /**
     * The result of a rewrite: {@code original} itself when the {@code len} bytes of {@code out}
     * spell it, otherwise a new byte string. Keeps the "same instance when unchanged" contract
     * whatever the transformation did on the way.
     */
    static String result(String original, byte[] out, int len) {
        if (len == original.length()) {
            int i = 0;
            while (i < len && (out[i] & 0xFF) == original.charAt(i)) {
                i++;
            }
            if (i == len) {
                return original;
            }
        }
        return new String(out, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** {@code VALID_HEX}: 0-9, a-f, A-F. */
    static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** {@code ISODIGIT}: 0-7. */
    static boolean isOctal(int c) {
        return c >= '0' && c <= '7';
    }

    /** {@code isdigit} in the C locale. */
    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** {@code isalnum} in the C locale: ASCII letters and digits only. */
    static boolean isAlnum(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code isspace} in the C locale: space, \t, \n, \v, \f, \r (not 0xA0). */
    static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** ASCII lower case, as {@code tolower} in the C locale. */
    static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** ASCII upper case, as {@code toupper} in the C locale. */
    static int toUpper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    /**
     * {@code xsingle2c}: one hex digit's value, with v3's arithmetic for any byte (it does not
     * validate: {@code 'z'} gives 35, {@code ' '} gives 240), kept to a byte.
     */
    static int hexValue(int c) {
        return (c >= 'A' ? ((c & 0xDF) - 'A') + 10 : c - '0') & 0xFF;
    }

    /** {@code x2c}: two hex digits as one byte ({@code '4','1'} gives 0x41), unvalidated as in v3. */
    static int x2c(int hi, int lo) {
        return (hexValue(hi) * 16 + hexValue(lo)) & 0xFF;
    }

    /** Lower-case hex digit of the low four bits of {@code v}. */
    static byte hexDigit(int v) {
        return (byte) "0123456789abcdef".charAt(v & 0x0F);
    }
}
