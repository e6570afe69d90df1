package dev.pincer.inspection.body;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link XmlBody} must never throw and must stay within the limits on any bytes; and a valid
 * document cut anywhere is truncated, never malformed. Seeded, so a failure reproduces.
 */
class XmlBodyFuzzTest {
    private static final BodyFuzz FUZZ = new BodyFuzz(XmlBody::parse, List.of(
            "<?xml version=\"1.0\"?><order id=\"7\"><item sku='a&amp;b'>two</item><note>x &lt; y &#x27;</note></order>",
            "<!DOCTYPE a [<!-- don't --><!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;<![CDATA[<b>]]></a>",
            "<?pi data?><s:Env xmlns:s=\"urn:x\"><s:Body  a = 'b' /><!-- c --></s:Env >\n",
            "\ufeff<a><b><c><d>deep</d></c></b>tail&#x1F600;</a>"),
            "<>/=\"'!?[]-&#;:xab CDATAOCTYPE\t\n\u00e9",
            "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE a [", "]>", "&amp;", "&#x", "</a>", "<a>", "<a/>", "<?",
            "?>", "\"", "'", "\u0000");

    @Test
    void randomAndMutatedBodies() {
        FUZZ.run(20250612L, 20000);
    }

    @Test
    void validSeedsAndEveryCutOfThem() {
        FUZZ.seedsAndTheirPrefixes();
    }
}
