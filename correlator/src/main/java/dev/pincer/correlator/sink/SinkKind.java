package dev.pincer.correlator.sink;

/**
 * The kinds of dangerous call a sensor reports. The wire code is part of the sensor protocol
 * (docs/sensor-protocol.md, "Sink kinds") and never changes meaning.
 */
public enum SinkKind {
    SQL(1, "sql", false),
    EXEC(2, "exec", true),
    FILE(3, "file", false),
    URL(4, "url", false),
    REDIRECT(5, "redirect", false),
    LDAP(6, "ldap", false),
    XPATH(7, "xpath", false),
    DESERIALIZE(8, "deserialize", true),
    JNDI(9, "jndi", true);

    private static final SinkKind[] BY_CODE = new SinkKind[16];

    static {
        for (SinkKind k : values()) {
            BY_CODE[k.code] = k;
        }
    }

    private final int code;
    private final String label;
    private final boolean alwaysChecked;

    SinkKind(int code, String label, boolean alwaysChecked) {
        this.code = code;
        this.label = label;
        this.alwaysChecked = alwaysChecked;
    }

    /** The protocol's one-byte code. */
    public int code() {
        return code;
    }

    /** The lower-case name used in metrics labels, events and docs. */
    public String label() {
        return label;
    }

    /** Checked even on threads with no request context (exec, deserialization, JNDI). */
    public boolean alwaysChecked() {
        return alwaysChecked;
    }

    /** The kind with this wire code, or null for an unknown code. */
    public static SinkKind ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
