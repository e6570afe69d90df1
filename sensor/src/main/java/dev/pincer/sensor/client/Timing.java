package dev.pincer.sensor.client;

/** The client's clocks, per the spec; tests shorten them. All in nanoseconds. */
public final class Timing {
    /** PING after this long without traffic. */
    final long pingIdle;
    /** Drop the connection when no PONG arrives within this. */
    final long pongTimeout;
    /** REPORT at most this often. */
    final long reportInterval;
    /** Reconnect backoff, doubling from min to max, with jitter. */
    final long backoffMin;
    final long backoffMax;
    /** The whole handshake must complete within this (the correlator's limit too). */
    final long handshakeTimeout;
    /** How often the housekeeping thread wakes up. */
    final long tick;

    public Timing(long pingIdle, long pongTimeout, long reportInterval, long backoffMin, long backoffMax,
            long handshakeTimeout, long tick) {
        this.pingIdle = pingIdle;
        this.pongTimeout = pongTimeout;
        this.reportInterval = reportInterval;
        this.backoffMin = backoffMin;
        this.backoffMax = backoffMax;
        this.handshakeTimeout = handshakeTimeout;
        this.tick = tick;
    }

    private static final long MS = 1_000_000L;

    /** The spec's values: PING after 15 s idle, PONG within 10 s, REPORT once a second, backoff 100 ms..10 s. */
    public static Timing standard() {
        return new Timing(15_000 * MS, 10_000 * MS, 1_000 * MS, 100 * MS, 10_000 * MS, 5_000 * MS, 250 * MS);
    }
}
