package dev.pincer.inspection.body;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.internal.InputCollector;
import java.util.Arrays;

/**
 * JSON bodies as the correlator's inputs, one listener of {@link JsonParser}: every string, number
 * and boolean leaf, named by its path ({@code user.tags[2]}; a root scalar has the empty name), and
 * every object key, named {@code path#key} with the key as value. {@code null} is not an input.
 * A string with overlong UTF-8 ({@code C0 A7}) is an input twice: as a strict decoder reads it
 * (U+FFFD) and as Jackson reads it (an apostrophe).
 *
 * <p>Limits: levels deeper than {@code maxDepth} are still parsed and their leaves still reported,
 * under the deepest named path, and the result is marked truncated. It asks for nothing more once
 * the input count limit is reached. Faults are reported as {@code json: <what> at offset <byte>};
 * running into the end of the input is a fault only when the body is complete; a string cut by the
 * end is still an input (what there was of it).
 *
 * <p>Example: {@code {"user":{"tags":["a","b"]},"n":1.5,"ok":true}} gives {@code #user "user"},
 * {@code user#tags "tags"}, {@code user.tags[0] "a"}, {@code user.tags[1] "b"}, {@code #n "n"},
 * {@code n "1.5"}, {@code #ok "ok"} and {@code ok "true"}.
 */
final class JsonBody implements JsonParser.Listener {
    private final InputCollector out;
    private final PathBuilder path;
    /** Per open container: the next array index, or -1 for an object. */
    private int[] next = new int[16];
    /** Per open container: whether its member's or element's path segment is pushed. */
    private boolean[] named = new boolean[16];
    private int depth;
    private boolean full;

    JsonBody(InputCollector out) {
        this.out = out;
        this.path = new PathBuilder(out.maxDepth(), out.maxNameChars());
    }

    /** A view whose names start with {@code root}, as if the document were {@code {"root": ...}}. */
    JsonBody(InputCollector out, String root) {
        this(out);
        path.push(".", root);
    }

    /** False once the collector was full. */
    boolean more() {
        return !full;
    }

    /** Parses {@code body} into {@code out}, reporting faults as the result's malformed reason. */
    static void parse(byte[] body, boolean complete, InputCollector out) {
        parse(body, complete, out, null);
    }

    /** The same, feeding {@code also} (null for none) in the same pass. */
    static void parse(byte[] body, boolean complete, InputCollector out, JsonParser.Listener also) {
        JsonBody view = new JsonBody(out);
        view.finish(JsonParser.parse(body, also == null ? view : new JsonParser.Tee(view, also)), complete,
                body.length);
    }

    /**
     * After the strict grammar refused {@code body}: its inputs as the most lenient readers see it
     * ({@link JsonParser#parseLenient}), added to what is there (exact duplicates cost nothing),
     * when it starts like a document ({@link JsonParser#lenientStart}).
     * The body stays malformed; this reports no fault of its own.
     */
    static void parseLenient(byte[] body, InputCollector out) {
        if (JsonParser.lenientStart(body)) {
            JsonParser.parseLenient(body, new JsonBody(out));
        }
    }

    /** Records how the parse that fed this view ended. */
    void finish(JsonParser p, boolean complete, int length) {
        if (full) {
            return;
        }
        if (p.outcome() == JsonParser.FAILED) {
            out.malformed("json: " + p.error());
        } else if (p.outcome() == JsonParser.ENDED && complete) {
            out.malformed("json: unexpected end at offset " + length);
        }
    }

    @Override
    public boolean open(JsonParser p, boolean object) {
        element();
        if (++depth == next.length) {
            next = Arrays.copyOf(next, depth * 2);
            named = Arrays.copyOf(named, depth * 2);
        }
        if (depth > out.maxDepth()) {
            out.truncated(Truncation.DEPTH);
        }
        next[depth] = object ? -1 : 0;
        named[depth] = false;
        return true;
    }

    @Override
    public void close(JsonParser p) {
        if (named[depth]) {
            path.pop();
        }
        depth--;
        member();
    }

    @Override
    public boolean key(JsonParser p) {
        String key = p.utf8(out.maxValueChars());
        String name = path.with("#", key);
        if (!add(name, key) || !overlong(p, name)) {
            return false;
        }
        path.push(".", key);
        named[depth] = true;
        return true;
    }

    @Override
    public boolean scalar(JsonParser p) {
        element();
        if (p.kind() != JsonParser.NULL) {
            String name = path.current();
            if (!add(name, p.utf8(out.maxValueChars())) || !overlong(p, name)) {
                return false;
            }
        }
        member();
        return true;
    }

    /** Before a value inside an array: its path is the next index. */
    private void element() {
        if (depth > 0 && next[depth] >= 0) {
            if (named[depth]) {
                path.pop();
            }
            path.pushIndex(next[depth]++);
            named[depth] = true;
        }
    }

    /** After a value inside an object: the member's segment goes. */
    private void member() {
        if (depth > 0 && next[depth] < 0 && named[depth]) {
            path.pop();
            named[depth] = false;
        }
    }

    /**
     * The token once more as Jackson reads it, when that differs ({@link JsonParser#overlongUtf8}):
     * an app that parses JSON with Jackson sees that text, so it is an input too.
     */
    private boolean overlong(JsonParser p, String name) {
        String jackson = p.overlongUtf8(out.maxValueChars());
        return jackson == null || add(name, jackson);
    }

    private boolean add(String name, String value) {
        if (!out.add(InputSource.JSON, name, value, value)) {
            full = true;
            return false;
        }
        return true;
    }
}
