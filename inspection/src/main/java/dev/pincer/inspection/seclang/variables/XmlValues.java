package dev.pincer.inspection.seclang.variables;

import java.util.Objects;

/**
 * ModSecurity's XML request body processor, without libxml2: a non-validating, iterative scanner
 * ({@link XmlScanner}) that checks well-formedness and reports what v3's {@code XML:/*} and
 * {@code XML://@*} would see (the document element's text content, every attribute value).
 *
 * <p>Never resolves external entities and never expands entities beyond the five predefined ones
 * and character references; a DOCTYPE is skipped. Depth is bounded by {@value XmlScanner#MAX_DEPTH}
 * (libxml2's own default limit). Time is linear in the body.
 *
 * <p>Example: {@code <q a="1 &amp; 2"><![CDATA[<x>]]>&#x41;</q>} gives
 * {@code attribute("a", "1 & 2")}, {@code text("<x>A")} and null.
 */
final class XmlValues {
    /** v3's REQBODY_ERROR_MSG for every XML failure; the scanner's reason follows it. */
    static final String ERROR = "XML parsing error: XML: Failed parsing document.";

    private XmlValues() {
    }

    /**
     * Parses an XML body (byte string); null when well-formed, else the error message. Never throws.
     *
     * <p>The message is REQBODY_ERROR_MSG: v3's text followed by the reason and the byte offset,
     * e.g. for {@code <a></b>}: {@code "XML parsing error: XML: Failed parsing document. (Opening
     * and ending tag mismatch: a and b, at byte 7)"}. A null body counts as empty (an error: no document).
     */
    static String parse(String body, XmlSink sink) {
        Objects.requireNonNull(sink, "sink");
        String reason = new XmlScanner(body == null ? "" : body, sink).scan();
        return reason == null ? null : ERROR + " (" + reason + ")";
    }
}
