package dev.pincer.inspection.body;

import static dev.pincer.inspection.body.Outcome.ENDED;
import static dev.pincer.inspection.body.Outcome.FAILED;
import static dev.pincer.inspection.body.Outcome.FULL;
import static dev.pincer.inspection.body.Outcome.MORE;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.internal.InputCollector;

/**
 * The markup of {@link XmlBody} that is neither element nor text: a {@code <!DOCTYPE ...>}
 * declaration, reported whole as {@code !doctype} and never interpreted, and processing
 * instructions, reported as {@code ?target} (except the {@code <?xml ...?>} declaration). The end
 * of a DOCTYPE is the first {@code >} outside quotes, outside the {@code [...]} internal subset and
 * outside comments in that subset; a declaration misjudged here makes the rest of the document fail
 * to parse, and a malformed body is kept whole as RAW_BODY, so nothing is hidden.
 *
 * <p>Example: {@code <!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a/>} gives
 * {@code !doctype} with the whole declaration as its value.
 */
final class XmlDeclarations {
    private XmlDeclarations() {
    }

    /** At {@code <!} that opens no comment or CDATA; {@code prolog}: no element has started yet. */
    static int doctype(XmlScanner in, InputCollector out, int at, boolean prolog) {
        int match = in.match("<!DOCTYPE");
        if (match < 0) {
            return ENDED;
        }
        if (match == 0 || !prolog) {
            in.error = "unexpected '<!' at offset " + at;
            return FAILED;
        }
        int end = end(in, at + 9);
        String decl = Utf8Text.decode(in.b, at, end < 0 ? in.b.length : end + 1, out.maxValueChars());
        if (!out.add(InputSource.XML, "!doctype", decl, decl)) {
            return FULL;
        }
        in.pos = end < 0 ? in.b.length : end + 1;
        return end < 0 ? ENDED : MORE;
    }

    /** At {@code <?}: {@code <?target data?>}. */
    static int instruction(XmlScanner in, InputCollector out, int at) {
        int end = in.indexOf("?>", at + 2);
        if (end < 0) {
            in.pos = in.b.length;
            return ENDED;
        }
        in.pos = at + 2;
        String target = in.name();
        if (target == null || in.pos > end) {
            in.error = "bad processing instruction at offset " + at;
            return FAILED;
        }
        int dataStart = in.pos;
        in.pos = end + 2;
        if (target.equalsIgnoreCase("xml")) {
            return MORE;
        }
        String data = Utf8Text.decode(in.b, dataStart, end, out.maxValueChars()).trim();
        return out.add(InputSource.XML, "?" + target, data, data) ? MORE : FULL;
    }

    /** The index of the DOCTYPE's closing {@code >}, scanning from {@code from}; -1 if the input ends first. */
    private static int end(XmlScanner in, int from) {
        byte[] b = in.b;
        int quote = 0;
        int brackets = 0;
        for (int i = from; i < b.length; i++) {
            int c = b[i];
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets = Math.max(0, brackets - 1);
            } else if (c == '>' && brackets == 0) {
                return i;
            } else if (c == '<' && brackets > 0 && i + 3 < b.length && b[i + 1] == '!' && b[i + 2] == '-'
                    && b[i + 3] == '-') {
                int close = in.indexOf("-->", i + 4);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
            }
        }
        return -1;
    }
}
