package dev.pincer.sensor.bootstrap;

/**
 * What the sensor knows about the current thread: the request context it serves, if any, and which
 * sinks are running on it. One instance per thread, held by {@link Bridge}; only ever touched by
 * its own thread, so the fields are plain.
 *
 * <p>Lives on the bootstrap path with the rest of the bridge, so that advice inlined into JDK
 * classes can reach it. It holds only JDK types.
 */
public final class ThreadState {
    /** Bit {@code 1 << kind} set for each sink kind running on this thread (the re-entry guard). */
    public int guard;
    /** Nesting depth of request entry points ({@code service()}, {@code doFilter()}). */
    public int depth;
    /** The verified request-context id, or {@code null} when the request has none. */
    public String ctx;
    /** The verified header's hint bits; 0 without a context. */
    public int hint;
    /** The request's Host header, for redirect checks; may be {@code null}. */
    public String host;
    /** Set when a sink of the current request was blocked. */
    public boolean blocked;
    /**
     * The class this thread's {@code resolveClass} hook judged last and let through, so the
     * deserialization filter that runs right after it for the same class does not ask again;
     * {@code null} once the filter used it.
     */
    public String deserJudged;
    /** The request's verdict cache, owned by the dispatcher; {@code null} until first used. */
    public Object requestCache;
    /** The outermost servlet request object (javax or jakarta), for the app's own view; may be {@code null}. */
    public Object request;
    /** Set once the app called a {@code getParameter*} method in this request: parameters are parsed. */
    public boolean parametersRead;
    /** The connection this request's INPUTS were sent on (an opaque token); {@code null} when not sent. */
    public Object inputsSentOn;
    /**
     * The command string of the {@code Runtime.exec(String...)} call running on this thread, or
     * {@code null}: the process it starts was split from it. Scoped by that call, not the request.
     */
    public String execCommand;
    /**
     * The URL whose connection is being opened on this thread (set around
     * {@code HttpURLConnection.plainConnect}), for the connect check; {@code null} outside one. Has
     * its own scope, like the guard.
     */
    public String connectUrl;
    /**
     * The resolved path a zip constructor just checked, so that the reads and stats it does of that
     * same file inside itself (the constructor cannot hold the guard) are not reported again.
     */
    public String zipChecked;

    /** Forgets the request. The guard and the depth are left alone: they have their own scopes. */
    public void clearRequest() {
        ctx = null;
        hint = 0;
        host = null;
        deserJudged = null;
        blocked = false;
        requestCache = null;
        request = null;
        parametersRead = false;
        inputsSentOn = null;
        zipChecked = null;
    }
}
