package dev.pincer.inspection.body;

import static dev.pincer.inspection.body.Outcome.DONE;
import static dev.pincer.inspection.body.Outcome.ENDED;
import static dev.pincer.inspection.body.Outcome.FAILED;
import static dev.pincer.inspection.body.Outcome.FULL;
import static dev.pincer.inspection.body.Outcome.MORE;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.internal.InputCollector;
import java.util.Arrays;

/**
 * JSON bodies (RFC 8259) as JSON inputs: every string, number and boolean leaf, named by its path
 * ({@code user.tags[2]}; a root scalar has the empty name), and every object key, named
 * {@code path#key} with the key as value. {@code null} is not an input. A streaming state machine
 * with an explicit stack: no recursion, linear time, memory linear in the nesting at worst.
 *
 * <p>Limits: levels deeper than {@code maxDepth} are still parsed and their leaves still reported,
 * under the deepest named path, and the result is marked truncated. Parsing stops when the input
 * count limit is reached. Faults are reported as {@code json: <what> at offset <byte>}; running
 * into the end of the input is a fault only when the body is complete.
 *
 * <p>Example: {@code {"user":{"tags":["a","b"]},"n":1.5,"ok":true}} gives {@code #user "user"},
 * {@code user#tags "tags"}, {@code user.tags[0] "a"}, {@code user.tags[1] "b"}, {@code #n "n"},
 * {@code n "1.5"}, {@code #ok "ok"} and {@code ok "true"}.
 */
final class JsonBody {
    private static final int OPENED = -2;
    private static final int VALUE = 0;
    private static final int FIRST_VALUE = 1;
    private static final int FIRST_KEY = 2;
    private static final int KEY = 3;
    private static final int AFTER = 4;

    private final JsonScanner in;
    private final InputCollector out;
    private final PathBuilder path;
    private boolean[] object = new boolean[16];
    private int[] index = new int[16];
    private int depth;

    private JsonBody(byte[] b, InputCollector out) {
        this.in = new JsonScanner(b, out.maxValueChars());
        this.out = out;
        this.path = new PathBuilder(out.maxDepth(), out.maxNameChars());
    }

    static void parse(byte[] body, boolean complete, InputCollector out) {
        JsonBody p = new JsonBody(body, out);
        int outcome = p.document();
        if (outcome == FAILED) {
            out.malformed("json: " + p.in.error);
        } else if (outcome == ENDED && complete) {
            out.malformed("json: unexpected end at offset " + body.length);
        }
    }

    private int document() {
        int state = VALUE;
        while (true) {
            int c = in.peek();
            if (c < 0) {
                return state == AFTER && depth == 0 ? DONE : ENDED;
            }
            int r = MORE;
            if (state == VALUE || state == FIRST_VALUE && c != ']') {
                r = value(c);
                state = r == MORE ? AFTER : c == '{' ? FIRST_KEY : FIRST_VALUE;
                r = r == OPENED ? MORE : r;
            } else if (state == FIRST_KEY && c == '}' || state == FIRST_VALUE) {
                in.pos++;
                close(state == FIRST_VALUE);
                state = AFTER;
            } else if (state == FIRST_KEY || state == KEY) {
                r = key(c);
                state = VALUE;
            } else if (depth > 0 && c == ',') {
                in.pos++;
                path.pop();
                if (object[depth]) {
                    state = KEY;
                } else {
                    path.pushIndex(++index[depth]);
                    state = VALUE;
                }
            } else if (depth > 0 && c == (object[depth] ? '}' : ']')) {
                in.pos++;
                close(true);
            } else {
                in.error = Reasons.unexpected(in.b, in.pos);
                return FAILED;
            }
            if (r != MORE) {
                return r;
            }
        }
    }

    /** A value starting with {@code c}: MORE after a scalar, OPENED after opening a container, or an outcome. */
    private int value(int c) {
        if (c == '{' || c == '[') {
            in.pos++;
            open(c == '{');
            return OPENED;
        }
        String v;
        if (c == '"') {
            v = in.string();
        } else if (c == '-' || c >= '0' && c <= '9') {
            v = in.number();
        } else if (c == 't' || c == 'f' || c == 'n') {
            v = in.literal(c);
        } else {
            in.error = Reasons.unexpected(in.b, in.pos);
            return FAILED;
        }
        if (v == null) {
            return in.error != null ? FAILED : ENDED;
        }
        if (c != 'n' && !out.add(InputSource.JSON, path.current(), v, v)) {
            return FULL;
        }
        return in.ended ? ENDED : MORE;
    }

    /** An object key and its colon: MORE, or an outcome. */
    private int key(int c) {
        if (c != '"') {
            in.error = Reasons.unexpected(in.b, in.pos);
            return FAILED;
        }
        String key = in.string();
        if (key == null) {
            return in.error != null ? FAILED : ENDED;
        }
        if (!out.add(InputSource.JSON, path.with("#", key), key, key)) {
            return FULL;
        }
        if (in.ended) {
            return ENDED;
        }
        path.push(".", key);
        int colon = in.peek();
        if (colon != ':') {
            in.error = Reasons.unexpected(in.b, in.pos);
            return colon < 0 ? ENDED : FAILED;
        }
        in.pos++;
        return MORE;
    }

    private void open(boolean isObject) {
        if (++depth == object.length) {
            object = Arrays.copyOf(object, depth * 2);
            index = Arrays.copyOf(index, depth * 2);
        }
        if (depth > out.maxDepth()) {
            out.truncated(Truncation.DEPTH);
        }
        object[depth] = isObject;
        index[depth] = 0;
        if (!isObject) {
            path.pushIndex(0);
        }
    }

    /** Leaves the innermost container; {@code hadSegment}: whether a member or element path is open. */
    private void close(boolean hadSegment) {
        if (hadSegment) {
            path.pop();
        }
        depth--;
    }
}
