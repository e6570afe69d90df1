package dev.pincer.correlator.verdict;

/**
 * What the correlator did about a sink call, as security events ({@code action}) and the
 * {@code verdict} label of {@code pincer_sink_checks_total} name it.
 */
public enum Action {
    /** No finding: the sink runs. No event. */
    ALLOW("allow"),
    /** Hybrid mode, finding: the sink is blocked. */
    BLOCK("block"),
    /** Monitor mode, finding: the sink runs, the event says it would have been blocked. */
    MONITOR("monitor"),
    /** Edge mode, finding: the sink runs, the event records what the sink saw. */
    OBSERVED("observed");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
