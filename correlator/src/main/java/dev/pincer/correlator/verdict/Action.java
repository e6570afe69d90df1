package dev.pincer.correlator.verdict;

/**
 * What happened to a sink call, as security events ({@code action}) and the {@code verdict} label
 * of {@code pincer_sink_checks_total} name it. The first four are what the correlator decided;
 * {@link #FAIL_OPEN}, {@link #FAIL_CLOSED} and {@link #LATE} are what an event says instead when
 * the sensor did not wait for that decision (docs/correlation.md, "Honest events").
 */
public enum Action {
    /** No finding: the sink runs. No event. */
    ALLOW("allow"),
    /** Hybrid mode, finding: the sink is blocked. */
    BLOCK("block"),
    /** Monitor mode, finding: the sink runs, the event says it would have been blocked. */
    MONITOR("monitor"),
    /** Edge mode, finding: the sink runs, the event records what the sink saw. */
    OBSERVED("observed"),
    /** The sensor stopped waiting (TIMEOUT, applied 0) and let the sink run, whatever was decided. */
    FAIL_OPEN("fail_open"),
    /** The sensor stopped waiting (TIMEOUT, applied 1) and stopped the sink itself. */
    FAIL_CLOSED("fail_closed"),
    /**
     * A version 1 sensor's verdict was judged slower than the verdict timeout announced to it, or
     * its connection closed first: the sensor most likely applied its fail mode; the sink is
     * assumed to have run.
     */
    LATE("late");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the sink ran, as far as the correlator knows, given this action. */
    public boolean sinkRan() {
        return this != BLOCK && this != FAIL_CLOSED;
    }
}
