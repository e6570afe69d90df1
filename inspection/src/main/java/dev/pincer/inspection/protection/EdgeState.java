package dev.pincer.inspection.protection;

/**
 * What the edge controls keep across config generations: ban lists, rate-limit counters, the
 * watchers of list files. One per server, created before the first {@link Protection} is compiled
 * and closed once at shutdown, after the last request; a reload compiles a new {@code Protection}
 * against the same state, so a ban or a half-spent token bucket survives it.
 *
 * <p>It holds nothing yet: the controls that need long-lived state (automatic bans, rate limits,
 * IP list files) each add one field here, created in the constructor and closed in {@link #close}.
 *
 * <p>Example: {@code EdgeState state = new EdgeState(); Protection p = Protection.compile(config,
 * state); ... state.close();}
 */
public final class EdgeState implements AutoCloseable {
    private volatile boolean closed;

    public EdgeState() {
    }

    /** True once {@link #close} ran; a compile against a closed state is refused. */
    public boolean closed() {
        return closed;
    }

    /** Stops background work and drops the state; idempotent, never throws. */
    @Override
    public void close() {
        closed = true;
    }
}
