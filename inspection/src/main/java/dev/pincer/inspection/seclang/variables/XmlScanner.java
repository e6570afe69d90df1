package dev.pincer.inspection.seclang.variables;

import java.util.ArrayDeque;
import java.util.HashSet;
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
 * Example: {@code <a><b></a>} gives "Opening and ending tag mismatch: b and a, at byte 10" (the
 * offset is where the scanner stopped: after the offending tag).
 */
final class XmlScanner extends XmlCursor {
    /** libxml2's default xmlParserMaxDepth. */
    static final int MAX_DEPTH = 256;

    private final XmlSink sink;
    private final ArrayDeque<String> open = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private boolean rootSeen;
    private boolean rootClosed;
    private boolean doctype;

    XmlScanner(String in, XmlSink sink) {
        super(in);
        this.sink = sink;
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
        if (in.startsWith("<?xml", pos) && pos + 5 < n && XmlChars.space(in.charAt(pos + 5)) && !XmlMarkup.declaration(this)) {
            return;
        }
        while (pos < n) {
            char c = in.charAt(pos);
            boolean ok;
            if (c == '<') {
                ok = markup();
            } else if (c == '&') {
                ok = open.isEmpty() ? fail(rootClosed ? "Extra content at the end of the document" : "Start tag expected")
                        : reference(text);
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
            return XmlMarkup.comment(this);
        }
        if (in.startsWith("<?", pos)) {
            return XmlMarkup.instruction(this);
        }
        if (in.startsWith("<![CDATA[", pos)) {
            return open.isEmpty() ? fail("CDATA outside the document element") : XmlMarkup.cdata(this, text);
        }
        if (in.startsWith("<!DOCTYPE", pos)) {
            return rootSeen || doctype ? fail("DOCTYPE not allowed here") : (doctype = true) && XmlMarkup.doctype(this);
        }
        if (in.startsWith("</", pos)) {
            return endTag();
        }
        if (in.startsWith("<!", pos)) {
            return fail("Unexpected markup declaration");
        }
        return startTag();
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
                if (!reference(value)) {
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

    /** {@code &name;} or {@code &#N;}/{@code &#xH;} at pos, decoded into out. */
    private boolean reference(StringBuilder out) {
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

}
