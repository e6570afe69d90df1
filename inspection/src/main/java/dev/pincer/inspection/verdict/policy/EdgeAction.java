package dev.pincer.inspection.verdict.policy;

/**
 * What the policy makes of an edge outcome ({@link Policy#edge}). Its label is the value in the
 * policy table of docs/correlation.md and in events.
 *
 * <p>Example: an SQL-injection rule match in hybrid mode with a sensor connected is
 * {@link #SUSPECT}: the request is forwarded, marked, and the sink confirms or clears it.
 */
public enum EdgeAction {
    /** Answer the request at the edge with the outcome's status; it never reaches the app. */
    BLOCK("block"),
    /** Forward it marked suspect with its findings on the request context; the sink decides. */
    SUSPECT("suspect"),
    /** Nothing was found: forward it. */
    FORWARD("forward"),
    /** Monitor mode: forward it and log what would have been done. */
    LOG_ONLY("log_only");

    private final String label;

    EdgeAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the request is answered at the edge. */
    public boolean blocks() {
        return this == BLOCK;
    }

    /** The action of a table label ({@code block}, {@code suspect}, ...). */
    public static EdgeAction ofLabel(String label) {
        for (EdgeAction a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("edge action: " + label);
    }
}
