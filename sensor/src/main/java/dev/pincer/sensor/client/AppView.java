package dev.pincer.sensor.client;

/**
 * One request's app-side inputs, as the client needs them for protocol v2: whether INPUTS still
 * have to go on a connection, and the inputs themselves, collected only when they do. The client
 * calls {@link #collect()} at most once per connection, right before the request's first CHECK that
 * goes to the correlator, so a request whose sinks are all settled by the hint or a cache never
 * pays for it.
 *
 * <p>Example: {@code dev.pincer.sensor.internal.RequestView} keeps the connection it sent on in the
 * thread's state and collects from the servlet request by reflection.
 */
public interface AppView {
    /** True when this request's INPUTS have not been sent on {@code connection} (an opaque token) yet. */
    boolean pendingOn(Object connection);

    /** Records that they now have. */
    void sentOn(Object connection);

    /** The inputs; never throws (what could not be read is left out and marks the result truncated). */
    AppInputs collect();
}
