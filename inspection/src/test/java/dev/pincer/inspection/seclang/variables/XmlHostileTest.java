package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Hostile XML bodies: the depth bound, very many attributes, huge text and names, and every
 * truncation of a rich document. The scanner is iterative, so depth never reaches the Java stack;
 * a regression to quadratic time shows as a test that does not finish (no timing is asserted).
 */
class XmlHostileTest {
    private static final String RICH = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"x\">]><!-- c -->"
            + "<r a=\"1 &amp; 2\" xmlns:p=\"urn:p\"><p:b c='&#x41;'>t&lt;<![CDATA[<d>]]><?pi x?></p:b>&e;</r>";

    private static String reason(String body, XmlValuesTest.Recorder r) {
        return XmlValuesTest.reason(XmlValues.parse(body, r));
    }

    /** Guards the depth bound: libxml2 stops at 256 open elements by default, and so do we. */
    @Test
    void depth256IsFineAnd257IsAnError() {
        String ok = "<a>".repeat(256) + "x" + "</a>".repeat(256);
        XmlValuesTest.Recorder r = new XmlValuesTest.Recorder();
        assertEquals("none", reason(ok, r));
        assertEquals("text x", r.events.get(0));
        assertEquals("Excessive depth in document: 256", reason("<a>".repeat(257) + "</a>".repeat(257),
                new XmlValuesTest.Recorder()));
    }

    @Test
    void aMillionOpenTagsStopAtTheBound() {
        assertEquals("Excessive depth in document: 256", reason("<a>".repeat(1_000_000), new XmlValuesTest.Recorder()));
    }

    @Test
    void aHundredThousandAttributes() {
        StringBuilder b = new StringBuilder("<a");
        for (int i = 0; i < 100_000; i++) {
            b.append(" a").append(i).append("=\"v").append(i).append('"');
        }
        b.append("/>");
        XmlValuesTest.Recorder r = new XmlValuesTest.Recorder();
        assertEquals("none", reason(b.toString(), r));
        assertEquals(100_001, r.events.size());
        assertEquals("attr a99999 | v99999", r.events.get(99_999));
    }

    @Test
    void aHundredThousandDuplicateAttributesFailAtTheFirstDuplicate() {
        String body = "<a" + " x=\"1\"".repeat(100_000) + "/>";
        assertEquals("Attribute x redefined", reason(body, new XmlValuesTest.Recorder()));
    }

    @Test
    void hugeTextNamesAndSiblings() {
        String text = "y".repeat(4 << 20);
        XmlValuesTest.Recorder r = new XmlValuesTest.Recorder();
        assertEquals("none", reason("<a>" + text + "</a>", r));
        assertEquals("text " + text, r.events.get(0));
        String name = "n".repeat(1 << 20);
        assertEquals("none", reason("<" + name + "/>", new XmlValuesTest.Recorder()));
        assertEquals("none", reason("<r>" + "<s a='1'>2</s>".repeat(200_000) + "</r>", new XmlValuesTest.Recorder()));
        assertEquals("none", reason("<r>" + "&amp;&#65;".repeat(200_000) + "</r>", new XmlValuesTest.Recorder()));
    }

    @Test
    void manyUnterminatedConstructs() {
        for (String s : new String[] {"<", "<a", "<a ", "<a x", "<a x=", "<a x='", "<a>&", "<a>&am", "<a>&#", "<a>&#x",
            "<a><!", "<a><!-", "<a><!--", "<a><![CDATA[", "<a><?", "<a><?p", "<!DOCTYPE", "<!DOCTYPE a [", "<?xml ",
            "<a></", "<a></a", "\u00ef\u00bb", "<a>\u00e2\u0082"}) {
            assertNotNull(XmlValues.parse(s, new XmlValuesTest.Recorder()), s);
        }
    }

    @Test
    void everyPrefixOfARichDocumentIsMalformedAndOnlyTheWholeIsWellFormed() {
        assertNull(XmlValues.parse(RICH, new XmlValuesTest.Recorder()));
        for (int cut = 0; cut < RICH.length(); cut++) {
            XmlValuesTest.Recorder r = new XmlValuesTest.Recorder();
            assertNotNull(XmlValues.parse(RICH.substring(0, cut), r), "prefix " + cut);
            assertTrue(r.texts <= 1);
        }
    }

    @Test
    void nullBody() {
        assertEquals("Document is empty or has no element", reason(null, new XmlValuesTest.Recorder()));
    }
}
