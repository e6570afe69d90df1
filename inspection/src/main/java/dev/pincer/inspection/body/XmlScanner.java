package dev.pincer.inspection.body;

import java.nio.charset.StandardCharsets;

/**
 * The token level of {@link XmlBody}: names, whitespace, literal search, and character data with
 * references decoded. Only the five predefined entities and numeric character references are
 * decoded; any other {@code &name;} is kept literally, because resolving it would mean trusting the
 * document's DTD. Nothing is ever fetched. Works on the raw bytes (UTF-8, or any ASCII-compatible
 * encoding as far as markup goes).
 *
 * <p>Example: {@link #text} over {@code a&lt;b&#x27;&ext;<} appends {@code a<b'&ext;} and stops
 * at the {@code <}.
 */
final class XmlScanner {
    final byte[] b;
    int pos;
    /** Start of the last name read, for comparing end tags with start tags without decoding. */
    int nameStart;
    boolean ended;
    String error;

    XmlScanner(byte[] b) {
        this.b = b;
        pos = Utf8Text.byteOrderMark(b);
    }

    /** Whether ASCII {@code s} is at {@code pos}: 1 yes, 0 no, -1 the input ends while it still matches. */
    int match(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (pos + i >= b.length) {
                return -1;
            }
            if (b[pos + i] != s.charAt(i)) {
                return 0;
            }
        }
        return 1;
    }

    /** The index of ASCII {@code s} at or after {@code from}, or -1. Linear: {@code s} is a short delimiter. */
    int indexOf(String s, int from) {
        outer:
        for (int i = from; i + s.length() <= b.length; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (b[i + k] != s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    void skipWs() {
        while (pos < b.length && isWs(b[pos])) {
            pos++;
        }
    }

    /** A name at {@code pos}, or null: {@link #ended} if it runs to the end, {@link #error} if empty. */
    String name() {
        int start = pos;
        while (pos < b.length && !isNameEnd(b[pos])) {
            pos++;
        }
        if (pos == b.length) {
            ended = true;
            return null;
        }
        if (pos == start) {
            error = Reasons.unexpected(b, pos);
            return null;
        }
        nameStart = start;
        return new String(b, start, pos - start, StandardCharsets.UTF_8);
    }

    /** Appends character data up to {@code stop} (not consumed); false if the input ends first. */
    boolean text(ByteText into, int stop) {
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c == stop) {
                return true;
            }
            if (c == '&') {
                reference(into);
            } else {
                into.append(c);
                pos++;
            }
        }
        ended = true;
        return false;
    }

    private void reference(ByteText into) {
        int semi = -1;
        for (int i = pos + 1; i < b.length && i <= pos + 32; i++) {
            int c = b[i];
            if (c == ';') {
                semi = i;
                break;
            }
            if (!(c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c == '#' || c == '_'
                    || c == '-' || c == '.' || c == ':')) {
                break;
            }
        }
        int cp = semi < 0 ? -1 : resolve(pos + 1, semi);
        if (cp < 0) {
            into.append('&');
            pos++;
            return;
        }
        into.appendCodePoint(cp);
        pos = semi + 1;
    }

    /** The code point of the reference named {@code b[from, to)}, or -1 if it is not one we decode. */
    private int resolve(int from, int to) {
        String name = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        switch (name) {
            case "lt": return '<';
            case "gt": return '>';
            case "amp": return '&';
            case "quot": return '"';
            case "apos": return '\'';
            default: break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') {
            return -1;
        }
        boolean hex = name.charAt(1) == 'x';
        long v = 0;
        for (int i = hex ? 2 : 1; i < name.length(); i++) {
            int d = Character.digit(name.charAt(i), hex ? 16 : 10);
            if (d < 0) {
                return -1;
            }
            v = Math.min(v * (hex ? 16 : 10) + d, 0x110000);
        }
        boolean valid = (hex ? name.length() > 2 : true) && v > 0 && v < 0x110000 && (v < 0xD800 || v > 0xDFFF);
        return valid ? (int) v : 0xFFFD;
    }

    static boolean isWs(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isNameEnd(int c) {
        return isWs(c) || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\'' || c == '?';
    }
}
