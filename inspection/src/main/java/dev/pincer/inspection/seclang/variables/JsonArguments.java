package dev.pincer.inspection.seclang.variables;

import dev.pincer.inspection.body.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON request body processor, one listener of the body grammar ({@link JsonParser}, shared with
 * the correlator's view): every scalar becomes an argument named as libmodsecurity v3 names it:
 * {@code {"a":{"b":1}}} gives {@code json.a.b=1}, {@code {"arr":[1,2]}} gives
 * {@code json.arr.array_0=1} and {@code json.arr.array_1=2}, a top-level array {@code json.array_0},
 * {@code true}/{@code false} as text, {@code null} as "". Strings are unescaped ({@code \u00e9}
 * becomes its UTF-8 bytes, a lone surrogate U+FFFD's); names and values are byte strings.
 *
 * <p>Bounded: nesting deeper than the depth limit (at most {@link #MAX_DEPTH}), a syntax error, or
 * a body that ends inside a value stops the processor with an error (REQBODY_ERROR); the arguments
 * read before it are kept.
 */
final class JsonArguments implements JsonParser.Listener {

    /** Nesting beyond this is an error whatever SecRequestBodyJsonDepthLimit says: it only costs memory. */
    static final int MAX_DEPTH = 10_000;

    interface Sink {
        void argument(String name, String value);
    }

    private final List<String> names = new ArrayList<>();     // container names, root first
    private final List<int[]> counters = new ArrayList<>();   // array element counters, or null for maps
    private final int maxDepth;
    private final Sink sink;
    private String key = "";
    private boolean seen;
    /** Why this processor stopped before the parse did, or null. */
    private String stopped;
    private String result;
    private boolean ended;

    JsonArguments(int maxDepth, Sink sink) {
        this.maxDepth = Math.min(maxDepth, MAX_DEPTH);
        this.sink = sink;
    }

    /** Parses {@code body} nesting at most {@code maxDepth}; null when it is valid JSON, else the reason. */
    static String parse(byte[] body, int maxDepth, Sink sink) {
        JsonArguments view = new JsonArguments(maxDepth, sink);
        JsonParser.parse(body, view);
        return view.error();
    }

    /** Whether the parse that fed this view has ended. */
    boolean ended() {
        return ended;
    }

    /** How the parse that fed this view ended, as REQBODY_ERROR_MSG: null when the body was valid JSON. */
    String error() {
        return result;
    }

    @Override
    public void end(JsonParser p) {
        ended = true;
        result = finish(p);
    }

    private String finish(JsonParser p) {
        if (stopped != null) {
            return stopped;
        }
        return switch (p.outcome()) {
            case JsonParser.DONE -> null;
            case JsonParser.FAILED -> "JSON parsing error: " + p.error();
            default -> seen ? "JSON parsing error: the body ends inside a value" : "JSON parsing error: the body is empty";
        };
    }

    @Override
    public boolean open(JsonParser p, boolean object) {
        seen = true;
        if (names.size() >= maxDepth) {
            stopped = "JSON parsing error: nesting deeper than " + maxDepth;
            return false;
        }
        String name = names.isEmpty() ? "json" : containerName();
        names.add(name);
        counters.add(object ? null : new int[1]);
        key = "";
        return true;
    }

    @Override
    public void close(JsonParser p) {
        names.remove(names.size() - 1);
        counters.remove(counters.size() - 1);
        if (!counters.isEmpty() && counters.get(counters.size() - 1) != null) {
            counters.get(counters.size() - 1)[0]++;
        }
    }

    @Override
    public boolean key(JsonParser p) {
        seen = true;
        if (p.cut()) {
            return cut();
        }
        key = p.latin1();
        return true;
    }

    @Override
    public boolean scalar(JsonParser p) {
        seen = true;
        if (p.cut()) {
            return cut();
        }
        String value = switch (p.kind()) {
            case JsonParser.TRUE -> "true";
            case JsonParser.FALSE -> "false";
            case JsonParser.NULL -> "";
            default -> p.latin1();
        };
        sink.argument(scalarName(), value);
        return true;
    }

    private boolean cut() {
        stopped = "JSON parsing error: the body ends inside a value";
        return false;
    }

    private String containerName() {
        int[] parent = counters.get(counters.size() - 1);
        String k = parent != null ? "" : key.isEmpty() ? "empty-key" : key;
        key = "";
        return k;
    }

    /** The argument name for a scalar at this position, advancing the array counter. */
    private String scalarName() {
        if (names.isEmpty()) {
            return "json";
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            path.append(names.get(i));
            int[] counter = counters.get(i);
            path.append(counter != null ? ".array_" + counter[0] : ".");
        }
        int[] last = counters.get(counters.size() - 1);
        if (last != null) {
            last[0]++;
        } else {
            path.append(key.isEmpty() ? "empty-key" : key);
            key = "";
        }
        return path.toString();
    }
}
