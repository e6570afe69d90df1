package dev.pincer.correlator.verdict;

/** VERDICT's {@code cache} byte: how long a sensor may reuse a verdict without asking again. */
public enum CacheScope {
    /** Ask every time. */
    NONE(0),
    /** The same verdict holds for the same ctx, kind and args for the rest of the request. */
    REQUEST(1),
    /** The same verdict holds for the same kind and args in any request (input-independent). */
    PROCESS(2);

    private final int code;

    CacheScope(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
