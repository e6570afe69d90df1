package dev.pincer.sensor.internal;

import dev.pincer.sensor.bootstrap.Bridge;

/**
 * Sink kind names and which kinds ignore the hint, read from the one table in {@link Bridge}
 * ({@code Bridge.kindName}, {@code Bridge.kindHint}), which sits on the bootstrap path so inlined
 * advice can use it too.
 *
 * <p>Example: {@code name(Bridge.FILE)} is {@code "file"}; {@code alwaysChecked(Bridge.JNDI)} is true.
 */
public final class Kinds {
    private Kinds() {
    }

    public static String name(int kind) {
        String n = Bridge.kindName(kind);
        return n != null ? n : "kind " + kind;
    }

    /** Exec, deserialization and JNDI ignore the hint and are checked without a context too. */
    public static boolean alwaysChecked(int kind) {
        return Bridge.kindHint(kind) == 0;
    }
}
