package dev.pincer.e2e.bypass;

import dev.pincer.e2e.harness.RawHttp;
import java.nio.file.Path;
import java.util.Set;

/**
 * One bypass attempt: a hand-built request, the sink effect that shows the attack worked, and
 * what Pincer must answer. Sent straight to the app it proves the bypass is real (the effect
 * shows); sent through Pincer it proves the bypass is closed (an allowed status, no effect).
 *
 * <p>Example: {@code Shot.of("query: 513 pairs, tautology last", request, Effect.DB, 400)}.
 *
 * @param name       what the shot tests, as a test name
 * @param request    the request, origin-form, for the proxy or the app
 * @param effect     how to see that the sink ran
 * @param marker     the file a command attack creates ({@link Effect#MARKER}), else null
 * @param allowed    the statuses Pincer may answer (403 blocked at the sink, 400/413 rejected at a limit)
 * @param reachesApp whether the request must reach the app at all: FALSE for framing tricks and
 *                   limit rejects (the app's own request counter must not move), TRUE for requests
 *                   a suspect route forwards, null when either is fine
 * @param direct     whether sending it straight to the app shows the effect (false for framing
 *                   tricks: they exploit the proxy, not the app)
 */
public record Shot(String name, RawHttp.Request request, Effect effect, Path marker, Set<Integer> allowed,
                   Boolean reachesApp, boolean direct) {

    /** What a shot does when its sink runs. */
    public enum Effect {
        /** Rows deleted or a table dropped: {@code /rows} no longer answers {@code rows=4}. */
        DB,
        /** The command created the marker file. */
        MARKER,
        /** The answer carries the secret of a file outside the base. */
        SECRET,
        /** A benign request: no effect to look for, only the status. */
        NONE
    }

    public Shot withAllowed(Set<Integer> statuses, Boolean reaches) {
        return new Shot(name, request, effect, marker, statuses, reaches, direct);
    }

    public Shot named(String n) {
        return new Shot(n, request, effect, marker, allowed, reachesApp, direct);
    }

    @Override
    public String toString() {
        return name;
    }
}
