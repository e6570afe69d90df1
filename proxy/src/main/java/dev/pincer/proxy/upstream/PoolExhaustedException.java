package dev.pincer.proxy.upstream;

/**
 * Every connection a server may have is in use, and the request could not wait for one: the
 * server's queue was full, or the wait reached {@code queue_timeout}. The request is refused with
 * 503 rather than queued without bound.
 */
public final class PoolExhaustedException extends Exception {
    /** Why no connection was had. */
    public enum Reason {
        /** At the limit; the caller may try another server or wait ({@link ServerPool#acquireQueued}). */
        FULL,
        /** The server's wait queue holds {@code queue_size} requests already. */
        QUEUE_FULL,
        /** No connection came free within {@code queue_timeout}. */
        QUEUE_TIMEOUT
    }

    private final Reason reason;

    public PoolExhaustedException(String server, int max) {
        this(server, max, Reason.FULL);
    }

    public PoolExhaustedException(String server, int max, Reason reason) {
        super("connection limit reached for " + server + " (" + max + ")"
                + (reason == Reason.FULL ? "" : ", " + reason.name().toLowerCase(java.util.Locale.ROOT)),
                null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
