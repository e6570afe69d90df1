package dev.pincer.inspection.body;

import java.util.Locale;

/**
 * Whether a declared {@code charset} keeps ASCII where ASCII is, so that reading the body as UTF-8
 * still sees every quote, semicolon, dot and slash an attack needs. UTF-8, US-ASCII, the ISO-8859
 * and Windows-125x families do; UTF-16, UTF-32, UTF-7 and EBCDIC code pages ({@code ibm037},
 * {@code cp500}) do not, and a body in one of those is not inspected as text: the result is
 * marked {@code ENCODING} instead. No charset at all means UTF-8, unless the bytes are UTF-16 or
 * UTF-32 on their face ({@link #wideUnicode}).
 *
 * <p>Example: {@code asciiCompatible("UTF-8")} and {@code asciiCompatible("\"iso-8859-1\"")} are
 * true; {@code asciiCompatible("utf-16le")} and {@code asciiCompatible("ibm037")} are false.
 */
final class Charsets {
    private Charsets() {
    }

    /** @param charset the {@code charset} parameter, unquoted, or null when there is none */
    static boolean asciiCompatible(String charset) {
        if (charset == null) {
            return true;
        }
        String c = charset.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (c.startsWith("\"") && c.endsWith("\"") && c.length() >= 2) {
            c = c.substring(1, c.length() - 1);
        }
        return c.isEmpty() || c.equals("utf-8") || c.equals("utf8") || c.equals("us-ascii") || c.equals("ascii")
                || c.startsWith("iso-8859-") || c.startsWith("iso8859-") || c.equals("latin1")
                || c.startsWith("windows-125") || c.startsWith("cp125");
    }

    /**
     * Whether the bytes themselves are UTF-16 or UTF-32, whatever was declared: a byte order mark
     * ({@code FE FF}, {@code FF FE}, {@code 00 00 FE FF}) or, per RFC 4627 section 3, zero bytes in
     * the pattern ASCII text leaves in the first four bytes ({@code 00 00 00 xx}, {@code 00 xx 00 xx},
     * {@code xx 00 00 00}, {@code xx 00 xx 00}). JSON readers (Jackson) and XML parsers detect
     * these encodings on their own, so such a body reads differently in the application than as
     * UTF-8.
     *
     * <p>Example: {@code {"a":1}} in UTF-16LE starts {@code 7B 00 22 00}: true; a form starting
     * {@code a=} is false.
     */
    static boolean wideUnicode(byte[] b) {
        int n = b.length;
        if (n >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
            return true;
        }
        if (n < 4) {
            return false;
        }
        boolean z0 = b[0] == 0;
        boolean z1 = b[1] == 0;
        boolean z2 = b[2] == 0;
        boolean z3 = b[3] == 0;
        return z0 && z1 && !z3 && (z2 || (b[2] & 0xff) == 0xFE)     // 00 00 00 xx, 00 00 FE FF
                || z0 && !z1 && z2 && !z3                         // 00 xx 00 xx
                || !z0 && z1 && z2 && z3                          // xx 00 00 00
                || !z0 && z1 && !z2 && z3;                        // xx 00 xx 00
    }
}
