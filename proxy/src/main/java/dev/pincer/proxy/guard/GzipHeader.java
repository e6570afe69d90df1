package dev.pincer.proxy.guard;

/**
 * The length of a gzip member header (RFC 1952 §2.3): magic, method 8 (deflate), flags, then the
 * optional extra field, name, comment and header CRC the flags announce.
 *
 * <p>Example: the ten bytes {@code 1f 8b 08 00 00 00 00 00 00 03} are a whole header, length 10.
 */
final class GzipHeader {
    static final int INCOMPLETE = -1;
    static final int BAD = -2;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private GzipHeader() {
    }

    /** The header's length in {@code b[0, len)}, {@link #INCOMPLETE} when more bytes are needed, {@link #BAD} if not gzip. */
    static int length(byte[] b, int len) {
        if (len < 10) {
            return len >= 1 && (b[0] & 0xff) != 0x1f || len >= 2 && (b[1] & 0xff) != 0x8b
                    || len >= 3 && b[2] != 8 ? BAD : INCOMPLETE;
        }
        if ((b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b || b[2] != 8 || (b[3] & 0xe0) != 0) {
            return BAD;
        }
        int flags = b[3];
        int i = 10;
        if ((flags & FEXTRA) != 0) {
            if (len < i + 2) {
                return INCOMPLETE;
            }
            i += 2 + ((b[i] & 0xff) | (b[i + 1] & 0xff) << 8);
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                while (i < len && b[i] != 0) {
                    i++;
                }
                if (i >= len) {
                    return INCOMPLETE;
                }
                i++;
            }
        }
        if ((flags & FHCRC) != 0) {
            i += 2;
        }
        return i <= len ? i : INCOMPLETE;
    }
}
