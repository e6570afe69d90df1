package dev.pincer.inspection.seclang.variables;

import dev.pincer.inspection.body.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON processor's arguments gathered ahead of phase 2, in the pass that extracted the
 * correlator's inputs ({@link dev.pincer.inspection.body.BodyViews}), so the body is parsed once
 * for both. Keeps the body it was fed, and at phase 2 is used only for the same bytes; otherwise
 * the processor parses its own body as before.
 *
 * <p>Bounded: it records at most {@code room} arguments, which is one more than SecArgumentsLimit
 * leaves after the query's, so that the replay still reaches the limit and reports it; what a
 * body holds beyond that is parsed (the error still counts) but not kept.
 */
final class GatheredJson {
    private final byte[] body;
    private final int room;
    private final List<String> pairs = new ArrayList<>();
    private final JsonArguments view;

    GatheredJson(byte[] body, int maxDepth, int room) {
        this.body = body;
        this.room = Math.max(1, room);
        this.view = new JsonArguments(maxDepth, this::record);
    }

    /** The listener to feed in the extraction's pass. */
    JsonParser.Listener view() {
        return view;
    }

    private void record(String name, String value) {
        if (pairs.size() / 2 < room) {
            pairs.add(name);
            pairs.add(value);
        }
    }

    /** True when the pass ended and it was over exactly {@code bytes}. */
    boolean covers(byte[] bytes) {
        return view.ended() && bytes != null && Arrays.equals(body, bytes);
    }

    /** Hands the gathered arguments to {@code sink} in document order; the processor's error, or null. */
    String replay(JsonArguments.Sink sink) {
        for (int i = 0; i < pairs.size(); i += 2) {
            sink.argument(pairs.get(i), pairs.get(i + 1));
        }
        return view.error();
    }
}
