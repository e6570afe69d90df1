package dev.pincer.inspection.seclang.variables;

/**
 * Characters of an XML byte string: which bytes start a legal XML 1.0 character ({@code Char}
 * production) and how long it is, name characters, and UTF-8 encoding of references.
 *
 * <p>In UTF-8 mode (no encoding declared, or UTF-8/ASCII) a character is a strictly valid UTF-8
 * sequence (no overlongs, no surrogates, nothing above U+10FFFF, not U+FFFE/U+FFFF); in Latin-1
 * mode every byte is one character, and {@link #append} re-encodes it in UTF-8 as libxml2 does.
 * Controls other than tab, LF and CR are never legal. Example: in UTF-8 mode {@code "\u00e9"}
 * (the bytes C3 A9) is one character of length 2; a lone C3 is illegal (-1).
 */
final class XmlChars {
    private final String in;
    private final boolean latin1;

    XmlChars(String in, boolean latin1) {
        this.in = in;
        this.latin1 = latin1;
    }

    /** The length of the legal character at i (1..4), or -1 when the bytes there are not one. */
    int length(int i) {
        int n = in.length();
        int b0 = in.charAt(i);
        if (b0 < 0x80) {
            return b0 >= 0x20 || b0 == '\t' || b0 == '\n' || b0 == '\r' ? 1 : -1;
        }
        if (latin1) {
            return b0 <= 0xFF ? 1 : -1;
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        if (i + need >= n) {
            return -1;
        }
        for (int k = 1; k <= need; k++) {
            int b = in.charAt(i + k);
            int min = k == 1 ? lo : 0x80;
            int max = k == 1 ? hi : 0xBF;
            if (b < min || b > max) {
                return -1;
            }
        }
        if (b0 == 0xEF && in.charAt(i + 1) == 0xBF && in.charAt(i + 2) >= 0xBE) {
            return -1;
        }
        return need + 1;
    }

    /** Appends the character of the given length at i to out, in UTF-8. */
    void append(StringBuilder out, int i, int length) {
        if (length == 1) {
            char c = in.charAt(i);
            if (c >= 0x80 && latin1) {
                out.append((char) (0xC0 | (c >> 6))).append((char) (0x80 | (c & 0x3F)));
            } else {
                out.append(c);
            }
            return;
        }
        out.append(in, i, i + length);
    }

    /** XML 1.0 Char for a code point given by a character reference. */
    static boolean legalCodePoint(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Appends a code point as UTF-8 bytes (one char per byte). */
    static void appendUtf8(StringBuilder out, int cp) {
        if (cp < 0x80) {
            out.append((char) cp);
        } else if (cp < 0x800) {
            out.append((char) (0xC0 | (cp >> 6))).append((char) (0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.append((char) (0xE0 | (cp >> 12))).append((char) (0x80 | ((cp >> 6) & 0x3F)))
                    .append((char) (0x80 | (cp & 0x3F)));
        } else {
            out.append((char) (0xF0 | (cp >> 18))).append((char) (0x80 | ((cp >> 12) & 0x3F)))
                    .append((char) (0x80 | ((cp >> 6) & 0x3F))).append((char) (0x80 | (cp & 0x3F)));
        }
    }

    /** May a name start with this byte? ASCII letters, '_', ':', and any non-ASCII byte. */
    static boolean nameStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c >= 0x80 && c <= 0xFF);
    }

    static boolean nameChar(int c) {
        return nameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    /** XML white space: space, tab, CR, LF (not C's isspace). */
    static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
