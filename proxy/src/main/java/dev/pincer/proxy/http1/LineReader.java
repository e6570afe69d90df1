package dev.pincer.proxy.http1;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Finds the next CRLF-terminated line at the reader index of a cumulation, across as many reads
 * as it takes, scanning each byte once: it remembers how far the current line has been scanned.
 * It looks at most {@code maxLength + 1} bytes into a line, so the outcome does not depend on how
 * the bytes were split into reads, and a line never holds more than that in memory.
 *
 * <p>RFC 9112 §2.2: lines end with CRLF only; a CR not followed by LF, or an LF not preceded by CR,
 * is an error here (RFC 9112 lets a recipient accept a bare LF; a WAF must not).
 */
final class LineReader {

    static final int NEED_MORE = -1;
    static final int BARE_CR = -2;
    static final int BARE_LF = -3;
    static final int TOO_LONG = -4;

    /** Bytes of the current line already known to hold no CR or LF, from the reader index. */
    private int scanned;

    /**
     * @return the length of the line starting at {@code in.readerIndex()}, CRLF excluded (the caller
     *     must then skip {@code length + 2} bytes), or one of the negative codes of this class
     */
    int next(ByteBuf in, int maxLength) {
        int start = in.readerIndex();
        int limit = (int) Math.min(in.readableBytes(), (long) maxLength + 1);
        if (scanned < limit) {
            int found = in.forEachByte(start + scanned, limit - scanned, ByteProcessor.FIND_CRLF);
            if (found >= 0) {
                return endOfLine(in, found, found - start);
            }
            scanned = limit;
        }
        return scanned > maxLength ? TOO_LONG : NEED_MORE;
    }

    private int endOfLine(ByteBuf in, int found, int length) {
        if (in.getByte(found) == HttpChars.LF) {
            return BARE_LF;
        }
        if (found + 1 == in.writerIndex()) {
            scanned = length; // look at this CR again once the next byte is in
            return NEED_MORE;
        }
        if (in.getByte(found + 1) != HttpChars.LF) {
            return BARE_CR;
        }
        scanned = 0;
        return length;
    }

    void reset() {
        scanned = 0;
    }
}
