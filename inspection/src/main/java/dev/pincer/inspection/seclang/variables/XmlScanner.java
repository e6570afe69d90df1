package dev.pincer.inspection.seclang.variables;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A non-validating, iterative XML 1.0 well-formedness scanner over a byte string: one pass, no
 * recursion, an explicit stack of open element names bounded by {@value #MAX_DEPTH}.
 *
 * <p>Understands the XML declaration (its encoding: UTF-8/ASCII, or Latin-1 re-encoded to UTF-8;
 * any other is rejected), a UTF-8 BOM, elements, attributes (duplicates rejected, values
 * normalized: literal tab/CR/LF become spaces), text (CR LF and lone CR become LF), CDATA,
 * comments ({@code --} inside rejected), processing instructions, the five predefined entities
 * and numeric character references. A DOCTYPE, internal subset included, is skipped: nothing
 * declared there is expanded, and a reference to any other entity is kept as written (with a
 * DOCTYPE) or rejected as undefined (without). Namespace declarations ({@code xmlns},
 * {@code xmlns:p}) are not attributes, as in libxml2's tree.
 *
 * <p>Result of {@link #scan}: null when well-formed, else the reason and byte offset. Attributes
 * go to the sink as they are read; the element's text once at the end.
 * Example: {@code <a><b></a>} gives "Opening and ending tag mismatch: b and a, at byte 6".
 */
final class XmlScanner {
    /** libxml2's default xmlParserMaxDepth. */
    static final int MAX_DEPTH = 256;

    private final String in;
    private final int n;
    private final XmlSink sink;
    private XmlChars chars;
    private int pos;
    private final ArrayDeque<String> open = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private boolean rootSeen;
    private boolean rootClosed;
    private boolean doctype;
    private String error;

    XmlScanner(String in, XmlSink sink) {
        this.in = in;
        this.n = in.length();
        this.sink = sink;
        this.chars = new XmlChars(in, false);
    }

    String scan() {
        run();
        if (rootSeen) {
            sink.text(text.toString());
        }
        return error;
    }

    private void run() {
        if (in.startsWith("\u00ef\u00bb\u00bf")) {
            pos = 3;
        }
        if (in.startsWith("<?xml", pos) && pos + 5 < n && XmlChars.space(in.charAt(pos + 5)) && !declaration()) {
            return;
        }
        while (pos < n) {
            char c = in.charAt(pos);
            boolean ok;
            if (c == '<') {
                ok = markup();
            } else if (c == '&') {
                ok = open.isEmpty() ? fail(rootClosed ? "Extra content at the end of the document" : "Start tag expected")
                        : reference(text, false);
            } else {
                ok = charData();
            }
            if (!ok) {
                return;
            }
        }
        if (!rootSeen) {
            fail("Document is empty or has no element");
        } else if (!open.isEmpty()) {
            fail("Premature end of data in tag " + open.peek());
        }
    }

    private boolean markup() {
        if (in.startsWith("<!--", pos)) {
            return comment();
        }
        if (in.startsWith("<?", pos)) {
            return instruction();
        }
        if (in.startsWith("<![CDATA[", pos)) {
            return open.isEmpty() ? fail("CDATA outside the document element") : cdata();
        }
        if (in.startsWith("<!DOCTYPE", pos)) {
            return rootSeen || doctype ? fail("DOCTYPE not allowed here") : doctype();
        }
        if (in.startsWith("</", pos)) {
            return endTag();
        }
        if (in.startsWith("<!", pos)) {
            return fail("Unexpected markup declaration");
        }
        return startTag();
    }

    private boolean declaration() {
        int end = in.indexOf("?>", pos);
        if (end < 0) {
            return fail("Unterminated XML declaration");
        }
        String decl = in.substring(pos + 5, end);
        int at = decl.indexOf("encoding");
        if (at >= 0) {
            int p = at + 8;
            while (p < decl.length() && XmlChars.space(decl.charAt(p))) {
                p++;
            }
            if (p >= decl.length() || decl.charAt(p) != '=') {
                return fail("Malformed encoding declaration");
            }
            p++;
            while (p < decl.length() && XmlChars.space(decl.charAt(p))) {
                p++;
            }
            char q = p < decl.length() ? decl.charAt(p) : 0;
            int close = q == '"' || q == '\'' ? decl.indexOf(q, p + 1) : -1;
            if (close < 0) {
                return fail("Malformed encoding declaration");
            }
            String enc = decl.substring(p + 1, close).toLowerCase(Locale.ROOT);
            switch (enc) {
                case "utf-8", "utf8", "us-ascii", "ascii" -> chars = new XmlChars(in, false);
                case "iso-8859-1", "latin1", "iso_8859-1", "latin-1" -> chars = new XmlChars(in, true);
                default -> {
                    return fail("Unsupported encoding " + decl.substring(p + 1, close));
                }
            }
        }
        for (int i = pos; i < end; i++) {
            if (chars.length(i) < 0) {
                return fail("Invalid character in XML declaration");
            }
        }
        pos = end + 2;
        return true;
    }

    private boolean startTag() {
        pos++;
        String name = name();
        if (name == null) {
            return fail("Invalid element name");
        }
        if (rootClosed) {
            return fail("Extra content at the end of the document");
        }
        if (open.size() >= MAX_DEPTH) {
            return fail("Excessive depth in document: " + MAX_DEPTH);
        }
        rootSeen = true;
        Set<String> seen = null;
        while (true) {
            boolean spaced = skipSpace();
            if (pos >= n) {
                return fail("Couldn't find end of start tag " + name);
            }
            char c = in.charAt(pos);
            if (c == '>') {
                pos++;
                open.push(name);
                return true;
            }
            if (c == '/' && pos + 1 < n && in.charAt(pos + 1) == '>') {
                pos += 2;
                rootClosed = open.isEmpty();
                return true;
            }
            if (!spaced) {
                return fail("Attributes construct error in " + name);
            }
            String attribute = name();
            if (attribute == null) {
                return fail("Attributes construct error in " + name);
            }
            skipSpace();
            if (pos >= n || in.charAt(pos) != '=') {
                return fail("Specification mandates value for attribute " + attribute);
            }
            pos++;
            skipSpace();
            char q = pos < n ? in.charAt(pos) : 0;
            if (q != '"' && q != '\'') {
                return fail("AttValue: \" or ' expected");
            }
            pos++;
            StringBuilder value = new StringBuilder();
            if (!attributeValue(q, value)) {
                return false;
            }
            if (seen == null) {
                seen = new HashSet<>();
            }
            if (!seen.add(attribute)) {
                return fail("Attribute " + attribute + " redefined");
            }
            if (!attribute.equals("xmlns") && !attribute.startsWith("xmlns:")) {
                sink.attribute(attribute, value.toString());
            }
        }
    }

    private boolean attributeValue(char quote, StringBuilder value) {
        while (pos < n) {
            char c = in.charAt(pos);
            if (c == quote) {
                pos++;
                return true;
            }
            if (c == '<') {
                return fail("Unescaped '<' not allowed in attribute values");
            }
            if (c == '&') {
                if (!reference(value, true)) {
                    return false;
                }
                continue;
            }
            if (c == '\r' || c == '\n' || c == '\t') {
                value.append(' ');
                pos += c == '\r' && pos + 1 < n && in.charAt(pos + 1) == '\n' ? 2 : 1;
                continue;
            }
            if (!character(value)) {
                return false;
            }
        }
        return fail("AttValue: ' expected");
    }

    private boolean endTag() {
        pos += 2;
        String name = name();
        if (name == null) {
            return fail("Invalid end tag name");
        }
        skipSpace();
        if (pos >= n || in.charAt(pos) != '>') {
            return fail("Expected '>' at the end of tag " + name);
        }
        pos++;
        if (open.isEmpty()) {
            return fail("Unexpected end tag " + name);
        }
        String top = open.pop();
        if (!top.equals(name)) {
            return fail("Opening and ending tag mismatch: " + top + " and " + name);
        }
        rootClosed = open.isEmpty();
        return true;
    }

    private boolean charData() {
        boolean inside = !open.isEmpty();
        while (pos < n) {
            char c = in.charAt(pos);
            if (c == '<' || c == '&') {
                return true;
            }
            if (!inside) {
                if (!XmlChars.space(c)) {
                    return fail(rootClosed ? "Extra content at the end of the document" : "Start tag expected");
                }
                pos++;
                continue;
            }
            if (c == ']' && in.startsWith("]]>", pos)) {
                return fail("Sequence ']]>' not allowed in content");
            }
            int run = plainRun(pos);
            if (run > pos) {
                text.append(in, pos, run);
                pos = run;
                continue;
            }
            if (c == '\r') {
                text.append('\n');
                pos += pos + 1 < n && in.charAt(pos + 1) == '\n' ? 2 : 1;
                continue;
            }
            if (!character(text)) {
                return false;
            }
        }
        return true;
    }

    private boolean cdata() {
        pos += 9;
        int end = in.indexOf("]]>", pos);
        if (end < 0) {
            return fail("Unterminated CDATA section");
        }
        while (pos < end) {
            if (in.charAt(pos) == '\r') {
                text.append('\n');
                pos += pos + 1 < end && in.charAt(pos + 1) == '\n' ? 2 : 1;
            } else if (!character(text)) {
                return false;
            }
        }
        pos = end + 3;
        return true;
    }

    private boolean comment() {
        pos += 4;
        while (pos < n) {
            if (in.charAt(pos) == '-' && pos + 1 < n && in.charAt(pos + 1) == '-') {
                if (pos + 2 < n && in.charAt(pos + 2) == '>') {
                    pos += 3;
                    return true;
                }
                return fail("Double hyphen within comment");
            }
            if (!skipCharacter()) {
                return false;
            }
        }
        return fail("Comment not terminated");
    }

    private boolean instruction() {
        pos += 2;
        String target = name();
        if (target == null) {
            return fail("Processing instruction without target");
        }
        if (target.equalsIgnoreCase("xml")) {
            return fail("XML declaration allowed only at the start of the document");
        }
        if (pos < n && !in.startsWith("?>", pos) && !XmlChars.space(in.charAt(pos))) {
            return fail("Processing instruction target " + target + " not followed by space");
        }
        while (pos < n) {
            if (in.startsWith("?>", pos)) {
                pos += 2;
                return true;
            }
            if (!skipCharacter()) {
                return false;
            }
        }
        return fail("Processing instruction not terminated");
    }

    /** Skips {@code <!DOCTYPE ...>} with its internal subset, declaring nothing. */
    private boolean doctype() {
        pos += 9;
        if (pos >= n || !XmlChars.space(in.charAt(pos))) {
            return fail("Space required after '<!DOCTYPE'");
        }
        doctype = true;
        boolean subset = false;
        char quote = 0;
        while (pos < n) {
            char c = in.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (subset && in.startsWith("<!--", pos)) {
                int end = in.indexOf("-->", pos + 4);
                if (end < 0) {
                    return fail("Comment not terminated in DOCTYPE");
                }
                pos = end + 3;
                continue;
            } else if (subset && in.startsWith("<?", pos)) {
                int end = in.indexOf("?>", pos + 2);
                if (end < 0) {
                    return fail("Processing instruction not terminated in DOCTYPE");
                }
                pos = end + 2;
                continue;
            } else if (c == '[' && !subset) {
                subset = true;
            } else if (c == ']' && subset) {
                subset = false;
            } else if (c == '>' && !subset) {
                pos++;
                return true;
            }
            if (!skipCharacter()) {
                return false;
            }
        }
        return fail("DOCTYPE not terminated");
    }

    /** {@code &name;} or {@code &#N;}/{@code &#xH;} at pos, decoded into out. */
    private boolean reference(StringBuilder out, boolean inAttribute) {
        int start = pos;
        pos++;
        if (pos < n && in.charAt(pos) == '#') {
            pos++;
            boolean hex = pos < n && in.charAt(pos) == 'x';
            if (hex) {
                pos++;
            }
            int cp = 0;
            int digits = 0;
            while (pos < n && in.charAt(pos) != ';') {
                int d = Character.digit(in.charAt(pos), hex ? 16 : 10);
                if (d < 0 || in.charAt(pos) > 'f') {
                    return fail("Invalid character reference");
                }
                cp = Math.min(cp * (hex ? 16 : 10) + d, 0x110000);
                digits++;
                pos++;
            }
            if (pos >= n || digits == 0 || !XmlChars.legalCodePoint(cp)) {
                return fail("Invalid character reference");
            }
            pos++;
            XmlChars.appendUtf8(out, cp);
            return true;
        }
        String name = name();
        if (name == null || pos >= n || in.charAt(pos) != ';') {
            return fail("EntityRef: expecting ';'");
        }
        pos++;
        switch (name) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "apos" -> out.append('\'');
            case "quot" -> out.append('"');
            default -> {
                if (!doctype) {
                    return fail("Entity '" + name + "' not defined");
                }
                // Declared (or not) in a DOCTYPE we skipped: never expanded, kept as written.
                out.append(in, start, pos);
            }
        }
        return true;
    }

    /** A name at pos (moves past it), or null when none starts there. */
    private String name() {
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
    private int plainRun(int i) {
        while (i < n) {
            char c = in.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n') || c == '<' || c == '&' || c == ']') {
                return i;
            }
            i++;
        }
        return i;
    }

    private boolean skipSpace() {
        int start = pos;
        while (pos < n && XmlChars.space(in.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    /** Appends the legal character at pos to out and moves past it. */
    private boolean character(StringBuilder out) {
        int len = chars.length(pos);
        if (len < 0) {
            return fail("Char 0x" + Integer.toHexString(in.charAt(pos)) + " out of allowed range or invalid UTF-8");
        }
        chars.append(out, pos, pos + len > n ? n - pos : len);
        pos += len;
        return true;
    }

    private boolean skipCharacter() {
        int len = chars.length(pos);
        if (len < 0) {
            return fail("Char 0x" + Integer.toHexString(in.charAt(pos)) + " out of allowed range or invalid UTF-8");
        }
        pos += len;
        return true;
    }

    private boolean fail(String reason) {
        error = reason + ", at byte " + Math.min(pos, n);
        return false;
    }
}
