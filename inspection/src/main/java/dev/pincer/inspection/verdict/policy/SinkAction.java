package dev.pincer.inspection.verdict.policy;

/**
 * What the policy makes of a sink check ({@link Policy#sink}): the correlator turns it into the
 * wire verdict, the event's {@code action} and the metric label. The labels are the table's in
 * docs/correlation.md.
 *
 * <p>Example: a {@code sqli} finding in monitor mode is {@link #MONITOR}: the sink runs, the event
 * says it would have been blocked.
 */
public enum SinkAction {
    /** No finding: the sink runs. */
    ALLOW("allow"),
    /** The sink is stopped (hybrid). */
    BLOCK("block"),
    /** The sink runs and the event says it would have been blocked (monitor). */
    MONITOR("monitor"),
    /** The sink runs and the finding is recorded only (edge mode, or an allowed analysis limit). */
    OBSERVE("observed");

    private final String label;

    SinkAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The action of a table label ({@code allow}, {@code block}, ...). */
    public static SinkAction ofLabel(String label) {
        for (SinkAction a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("sink action: " + label);
    }
}
