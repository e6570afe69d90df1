package dev.pincer.sensor.client;

/**
 * How a CHECK ended: a VERDICT, or one of the ways of not getting one. Non-verdict replies are
 * shared constants, so failing costs no allocation.
 */
public final class Reply {
    /** A VERDICT arrived. */
    public static final int VERDICT = 0;
    /** No VERDICT within the verdict timeout. */
    public static final int TIMEOUT = 1;
    /** No connection to the correlator (or it was lost while waiting). */
    public static final int DISCONNECTED = 2;
    /** Sending would exceed WELCOME's max_in_flight: treated as a timeout, per the spec. */
    public static final int OVERLOADED = 3;
    /** The CHECK would be over WELCOME's max_frame. */
    public static final int TOO_LARGE = 4;
    /** The correlator answered the CHECK with an ERROR (for example {@code unknown_kind}). */
    public static final int REFUSED = 5;

    public static final int ALLOW = 0;
    public static final int BLOCK = 1;
    public static final int MONITOR = 2;

    static final Reply TIMEOUT_REPLY = new Reply(TIMEOUT, 0, 0, "", "");
    static final Reply DISCONNECTED_REPLY = new Reply(DISCONNECTED, 0, 0, "", "");
    static final Reply OVERLOADED_REPLY = new Reply(OVERLOADED, 0, 0, "", "");
    static final Reply TOO_LARGE_REPLY = new Reply(TOO_LARGE, 0, 0, "", "");

    public final int status;
    /** {@link #ALLOW}, {@link #BLOCK} or {@link #MONITOR}; only with {@link #VERDICT}. */
    public final int verdict;
    /** 0 do not cache, 1 for this request, 2 for any request. */
    public final int cache;
    public final String attackClass;
    /** The verdict's reason, or the ERROR's message for {@link #REFUSED}. */
    public final String reason;

    public Reply(int status, int verdict, int cache, String attackClass, String reason) {
        this.status = status;
        this.verdict = verdict;
        this.cache = cache;
        this.attackClass = attackClass;
        this.reason = reason;
    }

    public static Reply verdict(int verdict, int cache, String attackClass, String reason) {
        return new Reply(VERDICT, verdict, cache, attackClass, reason);
    }

    /** The name of a non-verdict status, for logs and block messages. */
    public String statusName() {
        switch (status) {
            case VERDICT: return "verdict";
            case TIMEOUT: return "timeout";
            case DISCONNECTED: return "disconnected";
            case OVERLOADED: return "too many in flight";
            case TOO_LARGE: return "check too large";
            case REFUSED: return "refused: " + reason;
            default: return "status " + status;
        }
    }
}
