package dev.pincer.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the child elements of an XML document's root as fields, the way an app with the JDK's
 * default {@code DocumentBuilder} does: {@code <r><name>x</name></r>} gives {@code name=x}. As
 * with the JDK's defaults, a DOCTYPE's internal entities are expanded
 * ({@code <!ENTITY q "x">} and {@code <name>&q;</name>} give {@code name=x}); external entities
 * and DTDs are not loaded, so the demo stays free of XXE. Throws
 * {@link IllegalArgumentException} on a document that does not parse.
 */
final class FlatXml {
    private FlatXml() {
    }

    static Map<String, String> parse(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Map<String, String> out = new LinkedHashMap<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    out.putIfAbsent(n.getNodeName(), n.getTextContent());
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        }
    }
}
