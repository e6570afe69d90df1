package dev.pincer.inspection.transaction;

/**
 * One participant's work on one request, called by its {@link Transaction} on the request's event
 * loop, one phase after the other, never concurrently. A phase returns quickly and never blocks:
 * I/O a control needs (a shared ban list, a list file) is kept current in the background.
 *
 * <p>Phases in order: request head, request body (the bounded prefix, chunk by chunk; only when
 * {@link #needsRequestBody()}), request end, response head, response body prefix (only when
 * {@link #needsResponseBody()}), close. A phase that blocks ends the request phases: no later
 * request phase runs for any participant, and {@link #close} still does.
 */
public interface Step {
    /** True when this step must see the request body before the request may be forwarded. */
    default boolean needsRequestBody() {
        return false;
    }

    /**
     * Asked once after the request head, when {@link #needsRequestBody()}: the body bytes this step
     * needs before its request end, when that is more than the proxy's body prefix (the rule engine
     * parsing an upload as it streams needs all of it, up to SecRequestBodyLimit); 0 for the
     * prefix. The proxy holds the body (nothing goes upstream) up to the largest any step asks,
     * within its own limits, spooling past its memory bound; a step that asks must keep only a
     * bounded part of what it is fed.
     */
    default long requestBodyHold() {
        return 0;
    }

    /**
     * True when this step reads {@link Transaction#inputs()}. Inputs are extracted once per request
     * and shared with the correlator; without a correlator the proxy extracts them only when some
     * step says it reads them, so controls that look at the address alone cost no extraction.
     */
    default boolean needsInputs() {
        return false;
    }

    /**
     * A listener for the whole request body parsed as JSON, fed in the pass that extracts the
     * inputs ({@link dev.pincer.inspection.body.BodyViews}), or null (the default) when this step
     * does not read JSON that way. Asked before the request end; a step that answers must check at
     * its request end that its body is the one it was asked about.
     */
    default dev.pincer.inspection.body.JsonParser.Listener bodyJson(byte[] body) {
        return null;
    }

    /** True when this step must see the response body prefix before it is sent on. */
    default boolean needsResponseBody() {
        return false;
    }

    default Outcome requestHead(Transaction tx) {
        return Outcome.CONTINUE;
    }

    /**
     * The next chunk of the request body prefix. The array is the transaction's and only valid
     * during the call: copy what must outlive it.
     */
    default Outcome requestBody(Transaction tx, byte[] chunk, int offset, int length) {
        return Outcome.CONTINUE;
    }

    /**
     * The request is whole as far as inspection goes: the body ended, or the prefix limit was
     * reached ({@link Transaction#bodyComplete()} says which). Inputs are final here.
     */
    default Outcome requestEnd(Transaction tx) {
        return Outcome.CONTINUE;
    }

    default Outcome responseHead(Transaction tx, ResponseHead head) {
        return Outcome.CONTINUE;
    }

    /** The next chunk of the response body prefix; the same ownership as {@link #requestBody}. */
    default Outcome responseBody(Transaction tx, byte[] chunk, int offset, int length) {
        return Outcome.CONTINUE;
    }

    /**
     * The response body prefix is whole: the body ended, or the prefix limit was reached, or it
     * could not be decoded ({@link Transaction#responseComplete()} is false for the last two).
     * Called only when {@link #needsResponseBody()}.
     */
    default Outcome responseEnd(Transaction tx) {
        return Outcome.CONTINUE;
    }

    /** The anomaly scores this step totals (the rule engine), or null when it keeps none. */
    default AnomalyScore anomalyScore() {
        return null;
    }

    /** The request ended; called exactly once, whatever happened before. Must not throw. */
    default void close(Transaction tx, Disposition disposition) {
    }
}
