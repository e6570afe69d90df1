package dev.pincer.inspection.body;

/**
 * Reads one JSON string for {@link JsonScanner}: all escapes, <code>&#92;u</code> surrogate pairs
 * combined, lone surrogates replaced by U+FFFD, bytes decoded as UTF-8 (bad sequences replaced).
 * A string without escapes is decoded straight from the input; one with escapes goes through the
 * capped {@link ByteText}. Control characters are an error, as RFC 8259 requires.
 *
 * <p>Example: at <code>"a&#92;u00e9&#92;ud83d&#92;ude00"</code> it returns the three characters
 * a, U+00E9 and U+1F600 (a surrogate pair).
 */
final class JsonString {
    private final JsonScanner in;
    private final ByteText text;

    JsonString(JsonScanner in, ByteText text) {
        this.in = in;
        this.text = text;
    }

    /** At an opening quote: the value (partial when {@code in.ended}), or null with {@code in.error} set. */
    String read() {
        int start = ++in.pos;
        while (in.pos < in.b.length) {
            int c = in.b[in.pos] & 0xff;
            if (c == '"') {
                return Utf8Text.decode(in.b, start, in.pos++, in.maxChars);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            in.pos++;
        }
        text.clear();
        text.append(in.b, start, in.pos);
        while (in.pos < in.b.length) {
            int c = in.b[in.pos] & 0xff;
            if (c == '"') {
                in.pos++;
                return text.take();
            }
            if (c < 0x20) {
                in.error = "control character in string at offset " + in.pos;
                return null;
            }
            if (c != '\\') {
                text.append(c);
                in.pos++;
            } else if (!escape()) {
                return in.error == null ? text.take() : null;
            }
        }
        in.ended = true;
        return text.take();
    }

    /** At a backslash inside a string: appends the escaped character; false at the end or on error. */
    private boolean escape() {
        if (in.pos + 1 >= in.b.length) {
            in.pos = in.b.length;
            in.ended = true;
            return false;
        }
        int c = switch (in.b[in.pos + 1]) {
            case '"', '\\', '/' -> in.b[in.pos + 1];
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> -2;
            default -> -1;
        };
        if (c == -1) {
            in.error = "bad escape at offset " + in.pos;
            return false;
        }
        if (c == -2) {
            return unicode();
        }
        text.append(c);
        in.pos += 2;
        return true;
    }

    private boolean unicode() {
        int cp = hex4(in.pos + 2);
        if (cp < 0) {
            return false;
        }
        in.pos += 6;
        if (Character.isHighSurrogate((char) cp)) {
            boolean next = in.pos + 1 < in.b.length && in.b[in.pos] == '\\' && in.b[in.pos + 1] == 'u';
            int low = next ? hex4(in.pos + 2) : -1;
            if (in.error != null || in.ended) {
                return false;
            }
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                cp = Character.toCodePoint((char) cp, (char) low);
                in.pos += 6;
            } else {
                cp = 0xFFFD; // a lone high surrogate; a following escape is read on its own
            }
        } else if (Character.isLowSurrogate((char) cp)) {
            cp = 0xFFFD;
        }
        text.appendCodePoint(cp);
        return true;
    }

    /** The four hex digits at {@code at}, or -1 with {@code in.ended} or {@code in.error} set. */
    private int hex4(int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            if (i >= in.b.length) {
                in.pos = in.b.length;
                in.ended = true;
                return -1;
            }
            int c = in.b[i];
            int lower = c | 0x20;
            int d = c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
            if (d < 0) {
                in.error = "bad \\u escape at offset " + i;
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
