package dev.pincer.correlator.analyzer.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import dev.pincer.inspection.body.Base64Text;
import java.text.Normalizer;

/**
 * The decodings an application may apply to an input before it reaches a sink. Each is a pure
 * {@code String -> String} function, linear in its argument, that never throws: what it cannot
 * decode it keeps as it was.
 *
 * <p>Example: {@code percent("%2527")} is {@code "%27"}, {@code html("O&#39;Brien")} is
 * {@code "O'Brien"}, {@code nfkc("＇ OR １=１")} is {@code "' OR 1=1"}.
 */
public final class Decoding {
    private Decoding() {
    }

    /** Percent-decodes once: {@code %XX} as UTF-8 (bad sequences become U+FFFD) and {@code %uXXXX}. */
    public static String percent(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteBuffer bytes = ByteBuffer.allocate(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int hi = c == '%' ? hex(s, i + 1, 2) : -1;
            if (c == '%' && hi >= 0) {
                bytes.put((byte) hi);
                i += 3;
                continue;
            }
            flush(bytes, out);
            int u = c == '%' && i + 1 < s.length() && (s.charAt(i + 1) | 0x20) == 'u' ? hex(s, i + 2, 4) : -1;
            if (u >= 0) {
                out.append((char) u);
                i += 6;
                continue;
            }
            out.append(c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    /** {@code +} as space, as form decoding does. */
    public static String plusAsSpace(String s) {
        return s.replace('+', ' ');
    }

    /** Decodes HTML character references: {@code &#39; &#x27; &quot; &apos; &amp; &lt; &gt; ...}. */
    public static String html(String s) {
        return HtmlEntities.decode(s);
    }

    /** Unicode NFKC, which folds full-width and compatibility forms ({@code ＇} to {@code '}). */
    public static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    /**
     * Base64-decoded when {@code s} is base64 text ({@link Base64Text#decode}: both alphabets,
     * padded or not, at least 8 characters, decoding to UTF-8 text); otherwise {@code s}.
     *
     * <p>Example: {@code base64("eCcgT1IgJzEnPScx")} is {@code "x' OR '1'='1"}.
     */
    public static String base64(String s) {
        return Base64Text.decode(s);
    }

    /**
     * A value wrapped in double quotes without them, backslash escapes undone: what Jetty and
     * Undertow give the application for a quoted cookie value ({@code user="x"} is {@code x}),
     * and what an app that unquotes a header parameter reads. Otherwise {@code s}.
     *
     * <p>Example: {@code unquoted("\"x\\\" y\"")} is {@code x" y}.
     */
    public static String unquoted(String s) {
        int n = s.length();
        if (n < 2 || s.charAt(0) != '"' || s.charAt(n - 1) != '"') {
            return s;
        }
        StringBuilder out = new StringBuilder(n - 2);
        for (int i = 1; i < n - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n - 1) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The value of {@code digits} hex digits at {@code from}, or -1. */
    static int hex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || s.charAt(i) > 0x7f) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static void flush(ByteBuffer bytes, StringBuilder out) {
        if (bytes.position() == 0) {
            return;
        }
        bytes.flip();
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(bytes.remaining() + 1);
        dec.decode(bytes, chars, true);
        dec.flush(chars);
        chars.flip();
        out.append(chars);
        bytes.clear();
    }
}
