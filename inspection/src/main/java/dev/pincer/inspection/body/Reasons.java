package dev.pincer.inspection.body;

/**
 * The wording of malformed-body reasons, so every processor says it the same way.
 *
 * <p>Example: {@code unexpected(bytes, 17)} where {@code bytes[17]} is {@code '}'} gives
 * {@code "unexpected '}' at offset 17"}; past the end it gives {@code "unexpected end at offset 17"}
 * and for a non-printable byte {@code "unexpected byte 0x01 at offset 17"}.
 */
final class Reasons {
    private Reasons() {
    }

    static String unexpected(byte[] b, int pos) {
        if (pos >= b.length) {
            return "unexpected end at offset " + b.length;
        }
        int c = b[pos] & 0xff;
        if (c > 0x20 && c < 0x7f) {
            return "unexpected '" + (char) c + "' at offset " + pos;
        }
        return String.format("unexpected byte 0x%02x at offset %d", c, pos);
    }
}
