package dev.pincer.signatures.transform;

/**
 * {@code t:utf8toUnicode}: writes each well-formed UTF-8 sequence of two to four bytes as
 * {@code %u} and its code point in lower-case hex, at least four digits ({@code é} is
 * {@code %u00e9}, U+1F600 is {@code %u1f600}), as libmodsecurity v3 ({@code utf8_to_unicode.cc}),
 * including its quirks:
 * <ul>
 *   <li>ASCII is copied, except that a NUL byte is dropped unless it is the last byte;</li>
 *   <li>a lead byte whose continuation bytes are missing or wrong is dropped, and decoding goes
 *       on with the next byte; a lead byte 0xF5-0xF7 is also copied before its sequence;</li>
 *   <li>any other byte (0x80-0xBF, 0xF8-0xFF) is copied as it is;</li>
 *   <li>after an overlong sequence, or one that encodes a surrogate (U+D800-U+DFFF), the lead
 *       byte is copied once more for each of the two faults.</li>
 * </ul>
 *
 * <p>Example: the UTF-8 bytes of {@code <é>} ({@code <\xc3\xa9>}) give {@code <%u00e9>}.
 */
final class Utf8ToUnicode implements Transformation {

    @Override
    public String name() {
        return "utf8toUnicode";
    }

    @Override
    public String apply(String value) {
        int n = value.length();
        int first = 0;
        while (first < n && value.charAt(first) != 0 && value.charAt(first) < 0x80) {
            first++;
        }
        if (first == n) {
            return value;
        }
        byte[] in = Bytes.bytes(value);
        byte[] out = new byte[n * 4 + 1];
        System.arraycopy(in, 0, out, 0, first);
        int d = first;
        int i = first;
        while (i < n) {
            int c = in[i] & 0xFF;
            int length = 0;
            int cp = 0;
            if (c < 0x80) {
                if (c != 0 || i + 1 >= n) {
                    out[d++] = (byte) c;
                }
            } else if ((c & 0xE0) == 0xC0) {
                if (continuation(in, i, 1)) {
                    length = 2;
                    cp = ((c & 0x1F) << 6) | (in[i + 1] & 0x3F);
                }
            } else if ((c & 0xF0) == 0xE0) {
                if (continuation(in, i, 2)) {
                    length = 3;
                    cp = ((c & 0x0F) << 12) | ((in[i + 1] & 0x3F) << 6) | (in[i + 2] & 0x3F);
                }
            } else if ((c & 0xF8) == 0xF0) {
                if (c >= 0xF5) {
                    out[d++] = (byte) c;
                }
                if (continuation(in, i, 3)) {
                    length = 4;
                    cp = ((c & 0x07) << 18) | ((in[i + 1] & 0x3F) << 12)
                            | ((in[i + 2] & 0x3F) << 6) | (in[i + 3] & 0x3F);
                }
            } else {
                out[d++] = (byte) c;
            }
            if (length > 0) {
                d = codePoint(out, d, cp);
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                out[d++] = (byte) c;
            }
            if ((length == 4 && cp < 0x10000) || (length == 3 && cp < 0x800) || (length == 2 && cp < 0x80)) {
                out[d++] = (byte) c;
            }
            i += length > 0 ? length : 1;
        }
        return Bytes.result(value, out, d);
    }

    /** Whether the {@code count} bytes after {@code i} exist and are all 10xxxxxx. */
    private static boolean continuation(byte[] in, int i, int count) {
        for (int k = 1; k <= count; k++) {
            if ((Bytes.at(in, i + k) & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code %u} and {@code cp} in lower-case hex, zero-padded to four digits. */
    private static int codePoint(byte[] out, int d, int cp) {
        out[d++] = '%';
        out[d++] = 'u';
        int digits = Math.max(4, (32 - Integer.numberOfLeadingZeros(cp) + 3) / 4);
        for (int k = digits - 1; k >= 0; k--) {
            out[d++] = Bytes.hexDigit(cp >> (4 * k));
        }
        return d;
    }
}
