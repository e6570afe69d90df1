package dev.pincer.inspection.body;

import static dev.pincer.inspection.body.Outcome.ENDED;
import static dev.pincer.inspection.body.Outcome.FAILED;
import static dev.pincer.inspection.body.Outcome.FULL;
import static dev.pincer.inspection.body.Outcome.MORE;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.internal.InputCollector;
import java.util.Arrays;

/**
 * The element level of {@link XmlBody}: start tags with their attributes, end tags matched against
 * the open elements (compared as bytes, without decoding), the current element path, and the
 * pending character data of the innermost element.
 *
 * <p>Example: after {@code <a><b x="1">hi} the path is {@code /a/b}, {@code /a/b/@x "1"} has been
 * emitted and {@code hi} is pending; {@code </b>} emits {@code /a/b "hi"}, while {@code </a>} there
 * would be a mismatched end tag.
 */
final class XmlElements {
    private final XmlScanner in;
    private final InputCollector out;
    private final PathBuilder path;
    private final ByteText text;
    private final ByteText attr;
    private int[] open = new int[32]; // start and length of each open element's name in the input
    private int depth;
    private boolean rootSeen;

    XmlElements(XmlScanner in, InputCollector out) {
        this.in = in;
        this.out = out;
        this.path = new PathBuilder(out.maxDepth(), out.maxNameChars());
        this.text = new ByteText(out.maxValueChars());
        this.attr = new ByteText(out.maxValueChars());
    }

    int depth() {
        return depth;
    }

    boolean rootSeen() {
        return rootSeen;
    }

    /** The character data of the innermost open element, not yet emitted. */
    ByteText text() {
        return text;
    }

    /** At {@code <name}: reads the tag and its attributes. */
    int startTag(int at) {
        in.pos++;
        String name = in.name();
        if (name == null) {
            return stopped();
        }
        if (depth == 0 && rootSeen) {
            return fail("second root element at offset " + at);
        }
        if (!flushText()) {
            return FULL;
        }
        push(name);
        while (true) {
            in.skipWs();
            if (in.pos >= in.b.length || in.b[in.pos] == '/' && in.pos + 1 >= in.b.length) {
                return ENDED;
            }
            int c = in.b[in.pos];
            if (c == '>' || c == '/' && in.b[in.pos + 1] == '>') {
                in.pos += c == '>' ? 1 : 2;
                if (c == '/') {
                    pop();
                }
                return MORE;
            }
            int r = c == '/' ? fail(Reasons.unexpected(in.b, in.pos + 1)) : attribute();
            if (r != MORE) {
                return r;
            }
        }
    }

    private int attribute() {
        String name = in.name();
        if (name == null) {
            return stopped();
        }
        for (int expect : new int[] {'=', '"'}) {
            in.skipWs();
            if (in.pos >= in.b.length) {
                return ENDED;
            }
            int c = in.b[in.pos];
            if (expect == '=' ? c != '=' : c != '"' && c != '\'') {
                return fail(Reasons.unexpected(in.b, in.pos));
            }
            in.pos++;
        }
        boolean closed = in.text(attr, in.b[in.pos - 1]);
        String value = attr.take();
        if (!out.add(InputSource.XML, path.with("/@", name), value, value)) {
            return FULL;
        }
        in.pos++;
        return closed ? MORE : ENDED;
    }

    /** At {@code </name>}: closes the innermost element if the names match. */
    int endTag(int at) {
        in.pos += 2;
        String name = in.name();
        if (name == null) {
            return stopped();
        }
        int nameStart = in.nameStart;
        int nameEnd = in.pos;
        in.skipWs();
        if (in.pos >= in.b.length || in.b[in.pos] != '>') {
            return in.pos >= in.b.length ? ENDED : fail(Reasons.unexpected(in.b, in.pos));
        }
        in.pos++;
        int top = 2 * depth - 2;
        if (depth == 0 || !Arrays.equals(in.b, nameStart, nameEnd, in.b, open[top], open[top] + open[top + 1])) {
            return fail("mismatched end tag at offset " + at);
        }
        if (!flushText()) {
            return FULL;
        }
        pop();
        return MORE;
    }

    /** Emits the pending text under the current path if it is not only whitespace; false when full. */
    boolean flushText() {
        if (!text.hasContent()) {
            text.clear();
            return true;
        }
        String value = text.take();
        return out.add(InputSource.XML, path.current(), value, value);
    }

    private void push(String name) {
        if (2 * depth + 2 > open.length) {
            open = Arrays.copyOf(open, open.length * 2);
        }
        open[2 * depth] = in.nameStart;
        open[2 * depth + 1] = in.pos - in.nameStart;
        depth++;
        rootSeen = true;
        if (depth > out.maxDepth()) {
            out.truncated(Truncation.DEPTH);
        }
        path.push("/", name);
    }

    private void pop() {
        depth--;
        path.pop();
    }

    private int stopped() {
        return in.ended ? ENDED : FAILED;
    }

    private int fail(String reason) {
        in.error = reason;
        return FAILED;
    }
}
