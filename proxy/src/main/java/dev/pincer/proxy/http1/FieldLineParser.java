package dev.pincer.proxy.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.AsciiString;

/**
 * RFC 9112 §5: {@code field-line = field-name ":" OWS field-value OWS}, for header and trailer
 * sections alike.
 * <ul>
 *   <li>a line starting with SP or HTAB is obs-fold (§5.2), refused, not unfolded;</li>
 *   <li>whitespace between name and colon (§5.1) is refused, as is any other non-tchar in the name
 *       or a line without a colon;</li>
 *   <li>the value may hold SP, HTAB, VCHAR and obs-text (RFC 9110 §5.5); any other CTL is refused.</li>
 * </ul>
 * Example: {@code "Host:\t a.example "} gives name {@code Host}, value {@code a.example}.
 * Rejection details quote the field name, never the value (it may be a credential).
 */
final class FieldLineParser {

    private FieldLineParser() {
    }

    /** Parses the {@code length > 0} bytes at {@code start} (CRLF excluded); throws RejectException. */
    static FieldLine parse(ByteBuf buf, int start, int length) {
        int end = start + length;
        if (HttpChars.isOws(buf.getByte(start))) {
            throw new RejectException(RejectReason.OBS_FOLD, "field line starts with whitespace (obs-fold)");
        }
        int colon = buf.forEachByte(start, length, HttpChars.FIND_NON_TCHAR);
        if (colon < 0) {
            throw reject(RejectReason.BAD_HEADER_NAME, "field line without colon", buf, start, length);
        }
        if (buf.getByte(colon) != ':') {
            RejectReason reason = isSpaceBeforeColon(buf, colon, end)
                    ? RejectReason.SPACE_BEFORE_COLON : RejectReason.BAD_HEADER_NAME;
            throw reject(reason, "bad field name", buf, start, colon - start + 1);
        }
        if (colon == start) {
            throw new RejectException(RejectReason.BAD_HEADER_NAME, "empty field name");
        }
        int valueStart = colon + 1;
        int bad = valueStart < end ? buf.forEachByte(valueStart, end - valueStart, HttpChars.FIND_BAD_FIELD_VALUE) : -1;
        if (bad >= 0) {
            // The value is not quoted: it may be a credential.
            throw new RejectException(RejectReason.BAD_HEADER_VALUE, String.format(
                    "control character 0x%02x at offset %d in the value of %s", buf.getByte(bad) & 0xFF,
                    bad - valueStart, HttpChars.escape(buf, start, colon - start)));
        }
        while (valueStart < end && HttpChars.isOws(buf.getByte(valueStart))) {
            valueStart++;
        }
        int valueEnd = end;
        while (valueEnd > valueStart && HttpChars.isOws(buf.getByte(valueEnd - 1))) {
            valueEnd--;
        }
        return new FieldLine(ascii(buf, start, colon - start), ascii(buf, valueStart, valueEnd - valueStart),
                valueEnd < end);
    }

    /** True if {@code from} starts a run of OWS that ends at a colon: {@code "Name :"}. */
    private static boolean isSpaceBeforeColon(ByteBuf buf, int from, int end) {
        int i = from;
        while (i < end && HttpChars.isOws(buf.getByte(i))) {
            i++;
        }
        return i > from && i < end && buf.getByte(i) == ':';
    }

    private static AsciiString ascii(ByteBuf buf, int start, int length) {
        return length == 0 ? AsciiString.EMPTY_STRING : new AsciiString(ByteBufUtil.getBytes(buf, start, length), false);
    }

    private static RejectException reject(RejectReason reason, String what, ByteBuf buf, int start, int length) {
        return new RejectException(reason, what + ": " + HttpChars.escape(buf, start, length));
    }
}
