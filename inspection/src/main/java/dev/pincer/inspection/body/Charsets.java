package dev.pincer.inspection.body;

import java.util.Locale;

/**
 * Whether a declared {@code charset} keeps ASCII where ASCII is, so that reading the body as UTF-8
 * still sees every quote, semicolon, dot and slash an attack needs. UTF-8, US-ASCII, the ISO-8859
 * and Windows-125x families do; UTF-16, UTF-32, UTF-7 and EBCDIC code pages ({@code ibm037},
 * {@code cp500}) do not, and a body in one of those is not inspected as text: the result is
 * marked {@code ENCODING} instead. No charset at all means UTF-8.
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
}
