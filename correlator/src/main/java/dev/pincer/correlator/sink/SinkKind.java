package dev.pincer.correlator.sink;

import dev.pincer.inspection.hint.InputHint;

/**
 * The kinds of dangerous call a sensor reports: the correlator's one table of them, with the wire
 * code, the label and the hint bit that enables the kind. The codes and bits are part of the
 * sensor protocol (docs/sensor-protocol.md, "Sink kinds" and "Hint bits"; {@code SinkKindTableTest}
 * checks this table against those) and never change meaning.
 *
 * <p>Example: {@code SinkKind.ofCode(3)} is {@link #FILE}, enabled by {@link InputHint#PATH}.
 */
public enum SinkKind {
    SQL(1, "sql", InputHint.SYNTAX),
    EXEC(2, "exec", 0),
    FILE(3, "file", InputHint.PATH),
    URL(4, "url", InputHint.URL),
    REDIRECT(5, "redirect", InputHint.URL),
    LDAP(6, "ldap", InputHint.SYNTAX),
    XPATH(7, "xpath", InputHint.SYNTAX),
    DESERIALIZE(8, "deserialize", 0),
    JNDI(9, "jndi", 0);

    private static final SinkKind[] BY_CODE = new SinkKind[16];

    static {
        for (SinkKind k : values()) {
            BY_CODE[k.code] = k;
        }
    }

    private final int code;
    private final String label;
    private final int hint;

    SinkKind(int code, String label, int hint) {
        this.code = code;
        this.label = label;
        this.hint = hint;
    }

    /** The protocol's one-byte code. */
    public int code() {
        return code;
    }

    /** The lower-case name used in metrics labels, events and docs. */
    public String label() {
        return label;
    }

    /** The hint bit that enables this kind's checks, or 0 for a kind checked whatever the hint. */
    public int hint() {
        return hint;
    }

    /** Checked even on threads with no request context, and whatever the hint (exec, deserialization, JNDI). */
    public boolean alwaysChecked() {
        return hint == 0;
    }

    /** The kind with this wire code, or null for an unknown code. */
    public static SinkKind ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
