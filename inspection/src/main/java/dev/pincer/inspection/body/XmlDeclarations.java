package dev.pincer.inspection.body;

import static dev.pincer.inspection.body.Outcome.ENDED;
import static dev.pincer.inspection.body.Outcome.FAILED;
import static dev.pincer.inspection.body.Outcome.FULL;
import static dev.pincer.inspection.body.Outcome.MORE;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.internal.InputCollector;

/**
 * The markup of {@link XmlBody} that is neither element nor text: a {@code <!DOCTYPE ...>}
 * declaration, reported whole as {@code !doctype}, with the literal value of each entity it
 * declares as an input of its own ({@code !entity:name}; never expanded here), and processing
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
        if (!out.add(InputSource.XML, "!doctype", decl, decl)
                || !entities(in.b, at + 9, end < 0 ? in.b.length : end, 0, out)) {
            return FULL;
        }
        in.pos = end < 0 ? in.b.length : end + 1;
        return end < 0 ? ENDED : MORE;
    }

    /**
     * Each entity declared with a literal value in {@code b[from, to)} (a DOCTYPE's internal
     * subset) is an input of its own, named {@code !entity:name} ({@code !entity:%name} for a
     * parameter entity), its character references decoded. Java's XML parsers expand internal
     * entities by default, so {@code <name>&q;</name>} reads as {@code q}'s value in the application
     * though it stays {@code &q;} here; without this the value would only be inside the whole
     * DOCTYPE input, which never occurs whole in a query. A parameter entity's value is scanned once
     * more for the declarations it carries. Comments and quoted strings outside declarations are
     * skipped. False when the collector is full.
     */
    private static boolean entities(byte[] b, int from, int to, int depth, InputCollector out) {
        int i = from;
        while (i < to) {
            if (at(b, i, to, "<!--")) {
                int close = indexOf(b, "-->", i + 4, to);
                i = close < 0 ? to : close + 3;
            } else if (at(b, i, to, "<!ENTITY")) {
                int j = i + 8;
                while (j < to && XmlScanner.isWs(b[j])) {
                    j++;
                }
                boolean parameter = j < to && b[j] == '%';
                if (parameter) {
                    j++;
                    while (j < to && XmlScanner.isWs(b[j])) {
                        j++;
                    }
                }
                int nameStart = j;
                while (j < to && !XmlScanner.isWs(b[j]) && b[j] != '"' && b[j] != '\'' && b[j] != '>') {
                    j++;
                }
                String name = Utf8Text.decode(b, nameStart, j, out.maxNameChars());
                while (j < to && XmlScanner.isWs(b[j])) {
                    j++;
                }
                if (j < to && (b[j] == '"' || b[j] == '\'')) {
                    int close = j + 1;
                    while (close < to && b[close] != b[j]) {
                        close++;
                    }
                    byte[] literal = java.util.Arrays.copyOfRange(b, j + 1, close);
                    XmlScanner value = new XmlScanner(literal);
                    value.pos = 0;
                    ByteText text = new ByteText(out.maxValueChars());
                    value.text(text, -1);
                    String v = text.take();
                    if (!v.isEmpty() && !out.add(InputSource.XML, "!entity:" + (parameter ? "%" : "") + name, v, v)) {
                        return false;
                    }
                    if (parameter && depth == 0) {
                        byte[] carried = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        if (!entities(carried, 0, carried.length, 1, out)) {
                            return false;
                        }
                    }
                    j = close + 1;
                }
                i = j;
            } else if (b[i] == '"' || b[i] == '\'') {
                int close = i + 1;
                while (close < to && b[close] != b[i]) {
                    close++;
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return true;
    }

    private static boolean at(byte[] b, int i, int to, String s) {
        if (i + s.length() > to) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, String s, int from, int to) {
        for (int i = from; i + s.length() <= to; i++) {
            if (at(b, i, to, s)) {
                return i;
            }
        }
        return -1;
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
