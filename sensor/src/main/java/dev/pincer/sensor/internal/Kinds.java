package dev.pincer.sensor.internal;

import dev.pincer.sensor.bootstrap.Bridge;

/** Sink kind codes (the spec's "Sink kinds" table) and their names. */
public final class Kinds {
    private static final String[] NAMES = {"?", "sql", "exec", "file", "url", "redirect", "ldap", "xpath",
        "deserialize", "jndi"};

    private Kinds() {
    }

    public static String name(int kind) {
        return kind > 0 && kind < NAMES.length ? NAMES[kind] : "kind " + kind;
    }

    /** Exec, deserialization and JNDI ignore the hint and are checked without a context too. */
    public static boolean alwaysChecked(int kind) {
        return kind == Bridge.EXEC || kind == Bridge.DESERIALIZE || kind == Bridge.JNDI;
    }
}
