package dev.pincer.proxy.http1;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Byte classes of the HTTP grammar (RFC 9110 §5.6, RFC 3986 §3.2.2), as lookup tables, plus the
 * {@link ByteProcessor}s the rules scan with and the escaping used in rejection details.
 */
final class HttpChars {

    static final byte SP = ' ';
    static final byte HTAB = '\t';
    static final byte CR = '\r';
    static final byte LF = '\n';

    /** Most client bytes a rejection detail may quote. */
    static final int MAX_ECHO = 64;

    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] FIELD_VALUE = new boolean[256];
    private static final boolean[] TARGET = new boolean[256];
    private static final boolean[] REG_NAME = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
            REG_NAME[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
            REG_NAME[c] = true;
            REG_NAME[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true; // RFC 9110 §5.6.2 tchar
        }
        for (char c : "-._~!$&'()*+,;=".toCharArray()) {
            REG_NAME[c] = true; // RFC 3986 unreserved / sub-delims; pct-encoded is checked apart
        }
        FIELD_VALUE[SP] = true; // RFC 9110 §5.5: field-vchar / SP / HTAB, obs-text included
        FIELD_VALUE[HTAB] = true;
        for (int c = 0x21; c <= 0xFF; c++) {
            FIELD_VALUE[c] = c != 0x7F;
        }
        for (int c = 0x21; c <= 0x7E; c++) {
            TARGET[c] = c != '#'; // visible ASCII; a fragment is never sent (RFC 9112 §3.2)
        }
        for (int c = 0x80; c <= 0xFF; c++) {
            TARGET[c] = true; // raw UTF-8, as clients other than browsers send it; TargetRules checks the encoding
        }
    }

    /** Stops at the first byte that is not a tchar. */
    static final ByteProcessor FIND_NON_TCHAR = HttpChars::isTchar;
    /** Stops at the first byte not allowed in a field value (a CTL other than HTAB, or DEL). */
    static final ByteProcessor FIND_BAD_FIELD_VALUE = HttpChars::isFieldValueByte;
    /** Stops at the first byte not allowed in a request-target. */
    static final ByteProcessor FIND_BAD_TARGET = b -> TARGET[b & 0xFF];

    private HttpChars() {
    }

    static boolean isTchar(byte b) {
        return TCHAR[b & 0xFF];
    }

    static boolean isFieldValueByte(byte b) {
        return FIELD_VALUE[b & 0xFF];
    }

    static boolean isRegNameChar(char c) {
        return c < 256 && REG_NAME[c];
    }

    static boolean isOws(byte b) {
        return b == SP || b == HTAB;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Value of a HEXDIG, or -1. */
    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Up to {@link #MAX_ECHO} bytes of {@code buf}, safe for a log line: {@code G\x00T}. */
    static String escape(ByteBuf buf, int index, int length) {
        StringBuilder sb = new StringBuilder(Math.min(length, MAX_ECHO) + 8);
        int n = Math.min(length, MAX_ECHO);
        for (int i = 0; i < n; i++) {
            appendEscaped(sb, buf.getByte(index + i));
        }
        return length > MAX_ECHO ? sb.append("...").toString() : sb.toString();
    }

    /** Like {@link #escape(ByteBuf, int, int)} for a value already decoded one char per byte. */
    static String escape(CharSequence s) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(s.length(), MAX_ECHO);
        for (int i = 0; i < n; i++) {
            appendEscaped(sb, (byte) s.charAt(i));
        }
        return s.length() > MAX_ECHO ? sb.append("...").toString() : sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, byte b) {
        int c = b & 0xFF;
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            sb.append((char) c);
        } else {
            sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
        }
    }
}
