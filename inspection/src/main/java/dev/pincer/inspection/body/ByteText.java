package dev.pincer.inspection.body;

import java.nio.charset.StandardCharsets;

/**
 * A reusable byte buffer for one decoded string value (JSON string with escapes, XML text with
 * entity references), capped so that a huge value costs no more memory than the value limit
 * needs. Bytes past the cap are dropped; the decoded string is then still longer than the limit,
 * so the collector records the cut. Also tracks whether anything but XML whitespace was appended.
 *
 * <p>Example: appending {@code 'a'} and code point {@code 0x1F600} then {@link #take()} gives
 * {@code "a\uD83D\uDE00"}.
 */
final class ByteText {
    private final int cap;
    private byte[] buf = new byte[64];
    private int len;
    private boolean content;

    /** @param maxChars the value limit in characters */
    ByteText(int maxChars) {
        cap = (int) Math.min(Integer.MAX_VALUE - 16, 4L * maxChars + 4);
    }

    void append(int b) {
        if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
            content = true;
        }
        if (len < cap) {
            if (len == buf.length) {
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(cap, 2L * len));
            }
            buf[len++] = (byte) b;
        }
    }

    void append(byte[] src, int from, int to) {
        for (int i = from; i < to; i++) {
            append(src[i]);
        }
    }

    /** Appends {@code cp} as UTF-8; the caller has replaced surrogates and out-of-range values. */
    void appendCodePoint(int cp) {
        if (cp < 0x80) {
            append(cp);
        } else if (cp < 0x800) {
            append(0xC0 | cp >> 6);
            append(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            append(0xE0 | cp >> 12);
            append(0x80 | cp >> 6 & 0x3F);
            append(0x80 | cp & 0x3F);
        } else {
            append(0xF0 | cp >> 18);
            append(0x80 | cp >> 12 & 0x3F);
            append(0x80 | cp >> 6 & 0x3F);
            append(0x80 | cp & 0x3F);
        }
    }

    /** True when something other than space, tab, CR or LF was appended since the last clear. */
    boolean hasContent() {
        return content;
    }

    void clear() {
        len = 0;
        content = false;
    }

    /** The text so far, decoded as UTF-8; clears the buffer. */
    String take() {
        String s = new String(buf, 0, len, StandardCharsets.UTF_8);
        clear();
        return s;
    }
}
