package dev.pincer.proxy.http1;

import io.netty.buffer.ByteBuf;

/**
 * RFC 9112 §7.1: {@code chunk-size [ chunk-ext ] CRLF} where
 * {@code chunk-size = 1*HEXDIG} (here 1..16 HEXDIG whose value fits in a long) and
 * {@code chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )}, read strictly: no BWS at
 * all, ext-name a token, ext-val a token or quoted-string (RFC 9110 §5.6.4). Extensions are
 * validated and dropped. Anything else, including {@code 0x5}, {@code 5 ;a}, {@code  5} and
 * {@code -1}, is a {@link RejectReason#BAD_CHUNK}.
 */
final class ChunkSizeParser {

    /** Longest chunk-size line accepted, CRLF excluded; real clients send a few bytes. */
    static final int MAX_LINE = 4096;
    private static final int MAX_DIGITS = 16;

    private ChunkSizeParser() {
    }

    static long parse(ByteBuf buf, int start, int length) {
        int end = start + length;
        int i = start;
        long size = 0;
        while (i < end && HttpChars.hexValue(buf.getByte(i)) >= 0) {
            size = (size << 4) | HttpChars.hexValue(buf.getByte(i));
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > MAX_DIGITS || size < 0) {
            throw reject("chunk-size is not 1..16 HEXDIG fitting a long", buf, start, length);
        }
        while (i < end) {
            i = extension(buf, i, end, start, length);
        }
        return size;
    }

    /** Reads {@code ";" ext-name [ "=" ext-val ]} at {@code i}; returns the index after it. */
    private static int extension(ByteBuf buf, int i, int end, int lineStart, int lineLength) {
        if (buf.getByte(i) != ';') {
            throw reject("junk after chunk-size", buf, lineStart, lineLength);
        }
        int nameEnd = token(buf, i + 1, end);
        if (nameEnd == i + 1) {
            throw reject("empty chunk-ext name", buf, lineStart, lineLength);
        }
        if (nameEnd == end || buf.getByte(nameEnd) != '=') {
            return nameEnd;
        }
        int valueStart = nameEnd + 1;
        int valueEnd = valueStart < end && buf.getByte(valueStart) == '"'
                ? quotedString(buf, valueStart, end) : token(buf, valueStart, end);
        if (valueEnd <= valueStart) {
            throw reject("bad chunk-ext value", buf, lineStart, lineLength);
        }
        return valueEnd;
    }

    private static int token(ByteBuf buf, int i, int end) {
        while (i < end && HttpChars.isTchar(buf.getByte(i))) {
            i++;
        }
        return i;
    }

    /** RFC 9110 §5.6.4 quoted-string starting at the DQUOTE at {@code i}; -1 if unterminated or bad. */
    private static int quotedString(ByteBuf buf, int i, int end) {
        for (i++; i < end; i++) {
            byte b = buf.getByte(i);
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                i++;
                if (i == end || !HttpChars.isFieldValueByte(buf.getByte(i))) {
                    return -1;
                }
            } else if (!HttpChars.isFieldValueByte(b)) {
                return -1;
            }
        }
        return -1;
    }

    private static RejectException reject(String what, ByteBuf buf, int start, int length) {
        return new RejectException(RejectReason.BAD_CHUNK, what + ": " + HttpChars.escape(buf, start, length));
    }
}
