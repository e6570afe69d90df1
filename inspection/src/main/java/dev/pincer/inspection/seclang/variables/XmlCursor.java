package dev.pincer.inspection.seclang.variables;

/**
 * A position in an XML byte string, with the character rules in force ({@link XmlChars}) and the
 * first error: the small reading steps that {@link XmlScanner} and {@link XmlMarkup} share.
 * Example: on {@code "ab c"} at 0, {@link #name} returns {@code ab} and leaves the cursor at 2.
 */
class XmlCursor {
    final String in;
    final int n;
    int pos;
    XmlChars chars;
    String error;

    XmlCursor(String in) {
        this.in = in;
        this.n = in.length();
        this.chars = new XmlChars(in, false);
    }

    /** A name at pos (moves past it), or null when none starts there. */
    String name() {
        int start = pos;
        if (pos >= n || !XmlChars.nameStart(in.charAt(pos))) {
            return null;
        }
        pos++;
        while (pos < n && XmlChars.nameChar(in.charAt(pos))) {
            pos++;
        }
        for (int i = start; i < pos; ) {
            int len = chars.length(i);
            if (len < 0) {
                pos = i;
                return null;
            }
            i += len;
        }
        return in.substring(start, pos);
    }

    /** The end of the run of plain printable ASCII (and tab, LF) from i that needs no checks. */
    int plainRun(int i) {
        while (i < n) {
            char c = in.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n') || c == '<' || c == '&' || c == ']') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** Skips XML white space; true when there was some. */
    boolean skipSpace() {
        int start = pos;
        while (pos < n && XmlChars.space(in.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    /** Appends the legal character at pos to out and moves past it. */
    boolean character(StringBuilder out) {
        int len = chars.length(pos);
        if (len < 0) {
            return fail("Char 0x" + Integer.toHexString(in.charAt(pos)) + " out of allowed range or invalid UTF-8");
        }
        chars.append(out, pos, len);
        pos += len;
        return true;
    }

    /** Moves past the legal character at pos. */
    boolean skipCharacter() {
        int len = chars.length(pos);
        if (len < 0) {
            return fail("Char 0x" + Integer.toHexString(in.charAt(pos)) + " out of allowed range or invalid UTF-8");
        }
        pos += len;
        return true;
    }

    /** Records the error with the current byte offset; always false. */
    boolean fail(String reason) {
        error = reason + ", at byte " + Math.min(pos, n);
        return false;
    }
}
