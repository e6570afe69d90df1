package dev.pincer.inspection.seclang.variables;

/**
 * What the XML processor found; the rule engine turns it into {@code XML:/*} and {@code XML://@*}.
 *
 * <p>Strings are byte strings (one char per byte): UTF-8, as libxml2 hands them to
 * libmodsecurity v3. Example: {@code <a x="1">b<c>d</c></a>} gives {@code attribute("x", "1")}
 * then {@code text("bd")}.
 */
interface XmlSink {
    /**
     * XML:/* : the string value of the document element (all text and CDATA, concatenated, entities
     * decoded). Called once, at the end, when the document has an element (also when the document
     * turns out malformed later: v3 keeps the partial tree libxml2 built).
     */
    void text(String textContent);

    /** XML://@* : one attribute value (entities decoded), in document order. */
    void attribute(String name, String value);
}
