package dev.pincer.inspection.body;

import static dev.pincer.inspection.body.Outcome.ENDED;
import static dev.pincer.inspection.body.Outcome.FAILED;
import static dev.pincer.inspection.body.Outcome.MORE;

import dev.pincer.inspection.internal.InputCollector;

/**
 * XML bodies as XML inputs, with a small tolerant tokenizer rather than a JDK parser: no DTD is
 * processed, no entity resolved, nothing fetched. Inputs: each attribute value, named
 * {@code /a/b/@attr}; each element's character data (CDATA included, comments skipped, references
 * decoded by {@link XmlScanner}) that is not only whitespace, named {@code /a/b}, emitted when a
 * child starts or the element ends; a {@code <!DOCTYPE ...>} declaration whole, named
 * {@code !doctype} (its SYSTEM ids are what an XXE attack feeds to the application's parser); and
 * each processing instruction but {@code <?xml?>}, named {@code ?target}.
 *
 * <p>Faults ({@code xml: ... at offset N}): a mismatched end tag, a second root, text outside the
 * root, bad tag syntax. Elements deeper than {@code maxDepth} share the deepest named path and mark
 * the result truncated. Linear time; memory linear in the nesting at worst. This class reads the
 * document level; {@link XmlElements} handles tags and {@link XmlDeclarations} the rest.
 *
 * <p>Example: {@code <order id="7"><item sku="a&amp;b">two</item></order>} gives
 * {@code /order/@id "7"}, {@code /order/item/@sku "a&b"} and {@code /order/item "two"}.
 */
final class XmlBody {
    private final XmlScanner in;
    private final XmlElements elements;
    private final InputCollector out;

    private XmlBody(byte[] b, InputCollector out) {
        this.in = new XmlScanner(b);
        this.elements = new XmlElements(in, out);
        this.out = out;
    }

    static void parse(byte[] body, boolean complete, InputCollector out) {
        XmlBody p = new XmlBody(body, out);
        int outcome = p.document();
        if (outcome == ENDED) {
            p.elements.flushText(); // what was read of a cut element's text
        }
        if (outcome == FAILED) {
            out.malformed("xml: " + p.in.error);
        } else if (outcome == ENDED && complete) {
            out.malformed("xml: unexpected end at offset " + body.length);
        }
    }

    private int document() {
        byte[] b = in.b;
        while (in.pos < b.length) {
            int r = b[in.pos] == '<' ? markup() : characters();
            if (r != MORE) {
                return r;
            }
        }
        return elements.depth() == 0 && elements.rootSeen() ? Outcome.DONE : ENDED;
    }

    private int characters() {
        int start = in.pos;
        in.text(elements.text(), '<');
        if (elements.depth() > 0) {
            return MORE;
        }
        if (elements.text().hasContent()) {
            while (XmlScanner.isWs(in.b[start])) {
                start++;
            }
            return fail("text outside the root element at offset " + start);
        }
        elements.text().clear();
        return MORE;
    }

    private int markup() {
        int at = in.pos;
        int comment = in.match("<!--");
        int cdata = in.match("<![CDATA[");
        if (comment < 0 || cdata < 0) {
            return ENDED; // the input ends inside one of these openers
        }
        if (comment > 0) {
            int end = in.indexOf("-->", at + 4);
            in.pos = end < 0 ? in.b.length : end + 3;
            return end < 0 ? ENDED : MORE;
        }
        if (cdata > 0) {
            if (elements.depth() == 0) {
                return fail("CDATA outside the root element at offset " + at);
            }
            int end = in.indexOf("]]>", at + 9);
            elements.text().append(in.b, at + 9, end < 0 ? in.b.length : end);
            in.pos = end < 0 ? in.b.length : end + 3;
            return end < 0 ? ENDED : MORE;
        }
        if (in.match("<!") > 0) {
            boolean prolog = elements.depth() == 0 && !elements.rootSeen();
            return XmlDeclarations.doctype(in, out, at, prolog);
        }
        if (in.match("<?") > 0) {
            return XmlDeclarations.instruction(in, out, at);
        }
        return in.match("</") > 0 ? elements.endTag(at) : elements.startTag(at);
    }

    private int fail(String reason) {
        in.error = reason;
        return FAILED;
    }
}
