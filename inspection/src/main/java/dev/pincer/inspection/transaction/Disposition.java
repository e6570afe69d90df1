package dev.pincer.inspection.transaction;

/**
 * How a request ended, told to every participant when its transaction closes, so that the ones
 * that learn from outcomes (automatic bans count blocked requests from any source) can.
 *
 * @param status  the status the client got; 0 when the connection ended before a response head
 * @param blocked true when Pincer blocked the request (an edge control, the rule engine, a sink
 *                verdict, the response check); false for everything the app answered
 * @param source  what blocked it (a control label, {@code correlator}, {@code response}); null when
 *                not blocked
 */
public record Disposition(int status, boolean blocked, String source) {
    public static Disposition answered(int status) {
        return new Disposition(status, false, null);
    }

    public static Disposition blockedBy(String source, int status) {
        return new Disposition(status, true, source);
    }
}
