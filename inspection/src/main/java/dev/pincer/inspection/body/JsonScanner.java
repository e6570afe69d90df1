package dev.pincer.inspection.body;

/**
 * The token level of {@link JsonBody} (RFC 8259): whitespace, strings (read by {@link JsonString}),
 * numbers and the three literals. Works on the raw bytes; a token that runs into the end of the
 * input sets {@link #ended} (a string cut so still returns what it read), a token that is not JSON
 * sets {@link #error} to a reason with its byte offset.
 *
 * <p>Example: at {@code -1.5e3]}, {@link #number()} returns {@code "-1.5e3"} and leaves
 * {@link #pos} at the {@code ]}; at {@code nul} followed by the end, {@link #literal} returns null
 * with {@link #ended} set.
 */
final class JsonScanner {
    final byte[] b;
    int pos;
    boolean ended;
    String error;
    final int maxChars;
    private final JsonString strings;

    JsonScanner(byte[] b, int maxChars) {
        this.b = b;
        this.maxChars = maxChars;
        this.strings = new JsonString(this, new ByteText(maxChars));
        pos = Utf8Text.byteOrderMark(b);
    }

    /** Skips whitespace; the next byte (not consumed), or -1 at the end. */
    int peek() {
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    /** At an opening quote: the string's value (partial when {@link #ended}), or null on error. */
    String string() {
        return strings.read();
    }

    /** At {@code -} or a digit: the number's text, or null on error. */
    String number() {
        int start = pos;
        if (b[pos] == '-' && ++pos >= b.length) {
            ended = true;
            return null;
        }
        if (b[pos] < '0' || b[pos] > '9') {
            error = Reasons.unexpected(b, pos);
            return null;
        }
        while (pos < b.length && (b[pos] >= '0' && b[pos] <= '9' || b[pos] == '.' || b[pos] == 'e'
                || b[pos] == 'E' || b[pos] == '+' || b[pos] == '-')) {
            pos++;
        }
        return Utf8Text.decode(b, start, pos, maxChars);
    }

    /** At {@code t}, {@code f} or {@code n}: the literal, or null on error or end. */
    String literal(int first) {
        String word = first == 't' ? "true" : first == 'f' ? "false" : "null";
        for (int i = 0; i < word.length(); i++, pos++) {
            if (pos >= b.length) {
                ended = true;
                return null;
            }
            if (b[pos] != word.charAt(i)) {
                error = Reasons.unexpected(b, pos);
                return null;
            }
        }
        return word;
    }
}
