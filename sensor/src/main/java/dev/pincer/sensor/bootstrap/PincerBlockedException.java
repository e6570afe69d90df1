package dev.pincer.sensor.bootstrap;

/**
 * Thrown into the application, before a sink runs, when Pincer blocks the call: the query is not
 * executed, the process not started, the file not opened. It is the only exception the sensor ever
 * lets reach application code.
 *
 * <p>At the outermost servlet exit the sensor turns it into a {@code 403} when the response is not
 * committed yet, and swallows it there.
 */
public class PincerBlockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ctx;
    private final String kind;

    /**
     * @param ctx  the request-context id, or the empty string without a context
     * @param kind the sink kind's name ({@code sql}, {@code exec}, ...)
     * @param why  {@code verdict} or the fail-closed reason ({@code timeout}, {@code disconnected}, ...)
     */
    public PincerBlockedException(String ctx, String kind, String why) {
        super("Blocked by Pincer: " + kind + " (request " + (ctx.isEmpty() ? "-" : ctx) + ", " + why + ")");
        this.ctx = ctx;
        this.kind = kind;
    }

    /** The request-context id, or the empty string. */
    public String ctx() {
        return ctx;
    }

    /** The sink kind's name. */
    public String kind() {
        return kind;
    }
}
