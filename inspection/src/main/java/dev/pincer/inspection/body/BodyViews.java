package dev.pincer.inspection.body;

/**
 * Other readers of a request body, fed in the same pass that extracts the correlator's inputs, so
 * that one parse of a body feeds both the correlator and the rules. {@link BodyProcessors} asks
 * only when it parses the whole body (not a cut prefix); a reader that is handed a listener
 * keeps the bytes it was asked about and, when its own turn comes, uses what the listener
 * gathered only if its bytes are the same, and parses afresh otherwise.
 *
 * <p>Example: the rule engine with the JSON processor chosen in phase 1 answers {@code json(body)}
 * with its {@code ARGS} view; its phase 2 then replays what that view gathered instead of parsing
 * the body a second time.
 */
public interface BodyViews {
    /** A listener for {@code body} parsed as JSON, or null when no reader wants it. */
    JsonParser.Listener json(byte[] body);
}
