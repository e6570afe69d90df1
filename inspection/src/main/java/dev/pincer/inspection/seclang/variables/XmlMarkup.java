package dev.pincer.inspection.seclang.variables;

import java.util.Locale;

/**
 * The XML constructs that carry no element content and are only checked and skipped: the XML
 * declaration (whose encoding sets how characters are read), comments, processing instructions
 * and the DOCTYPE; and CDATA sections, whose text is appended as it is (CR LF and lone CR become
 * LF). Each starts at the cursor's position on its opening delimiter and leaves it after the
 * closing one, or fails with libxml2's wording.
 * Example: at {@code <!-- a -- b -->} {@link #comment} fails with "Double hyphen within comment".
 */
final class XmlMarkup {
    private XmlMarkup() {
    }

    /** The XML declaration at pos ({@code <?xml} and a space): picks the character decoding. */
    static boolean declaration(XmlCursor c) {
        int end = c.in.indexOf("?>", c.pos);
        if (end < 0) {
            return c.fail("Unterminated XML declaration");
        }
        String decl = c.in.substring(c.pos + 5, end);
        int at = decl.indexOf("encoding");
        if (at >= 0) {
            int p = at + 8;
            while (p < decl.length() && XmlChars.space(decl.charAt(p))) {
                p++;
            }
            if (p >= decl.length() || decl.charAt(p) != '=') {
                return c.fail("Malformed encoding declaration");
            }
            p++;
            while (p < decl.length() && XmlChars.space(decl.charAt(p))) {
                p++;
            }
            char q = p < decl.length() ? decl.charAt(p) : 0;
            int close = q == '"' || q == '\'' ? decl.indexOf(q, p + 1) : -1;
            if (close < 0) {
                return c.fail("Malformed encoding declaration");
            }
            String enc = decl.substring(p + 1, close).toLowerCase(Locale.ROOT);
            switch (enc) {
                case "utf-8", "utf8", "us-ascii", "ascii" -> c.chars = new XmlChars(c.in, false);
                case "iso-8859-1", "latin1", "iso_8859-1", "latin-1" -> c.chars = new XmlChars(c.in, true);
                default -> {
                    return c.fail("Unsupported encoding " + decl.substring(p + 1, close));
                }
            }
        }
        for (int i = c.pos; i < end; i++) {
            if (c.chars.length(i) < 0) {
                return c.fail("Invalid character in XML declaration");
            }
        }
        c.pos = end + 2;
        return true;
    }

    static boolean comment(XmlCursor c) {
        c.pos += 4;
        while (c.pos < c.n) {
            if (c.in.charAt(c.pos) == '-' && c.pos + 1 < c.n && c.in.charAt(c.pos + 1) == '-') {
                if (c.pos + 2 < c.n && c.in.charAt(c.pos + 2) == '>') {
                    c.pos += 3;
                    return true;
                }
                return c.fail("Double hyphen within comment");
            }
            if (!c.skipCharacter()) {
                return false;
            }
        }
        return c.fail("Comment not terminated");
    }

    static boolean instruction(XmlCursor c) {
        c.pos += 2;
        String target = c.name();
        if (target == null) {
            return c.fail("Processing instruction without target");
        }
        if (target.equalsIgnoreCase("xml")) {
            return c.fail("XML declaration allowed only at the start of the document");
        }
        if (c.pos < c.n && !c.in.startsWith("?>", c.pos) && !XmlChars.space(c.in.charAt(c.pos))) {
            return c.fail("Processing instruction target " + target + " not followed by space");
        }
        while (c.pos < c.n) {
            if (c.in.startsWith("?>", c.pos)) {
                c.pos += 2;
                return true;
            }
            if (!c.skipCharacter()) {
                return false;
            }
        }
        return c.fail("Processing instruction not terminated");
    }
    /** Skips {@code <!DOCTYPE ...>} with its internal subset, declaring nothing. */

    /** Skips {@code <!DOCTYPE ...>} with its internal subset, declaring nothing. */
    static boolean doctype(XmlCursor c) {
        c.pos += 9;
        if (c.pos >= c.n || !XmlChars.space(c.in.charAt(c.pos))) {
            return c.fail("Space required after '<!DOCTYPE'");
        }
        boolean subset = false;
        char quote = 0;
        while (c.pos < c.n) {
            char ch = c.in.charAt(c.pos);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (subset && c.in.startsWith("<!--", c.pos)) {
                int end = c.in.indexOf("-->", c.pos + 4);
                if (end < 0) {
                    return c.fail("Comment not terminated in DOCTYPE");
                }
                c.pos = end + 3;
                continue;
            } else if (subset && c.in.startsWith("<?", c.pos)) {
                int end = c.in.indexOf("?>", c.pos + 2);
                if (end < 0) {
                    return c.fail("Processing instruction not terminated in DOCTYPE");
                }
                c.pos = end + 2;
                continue;
            } else if (ch == '[' && !subset) {
                subset = true;
            } else if (ch == ']' && subset) {
                subset = false;
            } else if (ch == '>' && !subset) {
                c.pos++;
                return true;
            }
            if (!c.skipCharacter()) {
                return false;
            }
        }
        return c.fail("DOCTYPE not terminated");
    }

    static boolean cdata(XmlCursor c, StringBuilder text) {
        c.pos += 9;
        int end = c.in.indexOf("]]>", c.pos);
        if (end < 0) {
            return c.fail("Unterminated CDATA section");
        }
        while (c.pos < end) {
            if (c.in.charAt(c.pos) == '\r') {
                text.append('\n');
                c.pos += c.pos + 1 < end && c.in.charAt(c.pos + 1) == '\n' ? 2 : 1;
            } else if (!c.character(text)) {
                return false;
            }
        }
        c.pos = end + 3;
        return true;
    }
}
