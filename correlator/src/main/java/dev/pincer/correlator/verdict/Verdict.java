package dev.pincer.correlator.verdict;

/** VERDICT's {@code verdict} byte (docs/sensor-protocol.md, "CHECK and VERDICT"). */
public enum Verdict {
    /** The sink may run. */
    ALLOW(0),
    /** The sink must not run: the sensor throws its block exception. */
    BLOCK(1),
    /** Monitor mode: the sink runs, but would have been blocked. */
    MONITOR(2);

    private final int code;

    Verdict(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
