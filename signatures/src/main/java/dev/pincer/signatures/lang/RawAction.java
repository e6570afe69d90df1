package dev.pincer.signatures.lang;

import java.util.Objects;

/**
 * One action of a rule as written, before the compiler gives it meaning: the name (as written;
 * the compiler matches it case-insensitively) and the value after the first {@code :}, unquoted.
 *
 * <p>Example: {@code msg:'Remote Command Execution'} is
 * {@code RawAction("msg", "Remote Command Execution")}; {@code pass} is
 * {@code RawAction("pass", null)}; {@code t:lowercase} is {@code RawAction("t", "lowercase")}.
 *
 * @param name the action name, non-empty
 * @param value the value, or null when the action has none ({@code ''} gives the empty string)
 */
public record RawAction(String name, String value) {

    public RawAction {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The action in rule syntax, the value quoted only when it must be: {@code id:1},
     * {@code msg:'a, b'}, {@code pass}. {@link ActionParser} reads it back to an equal action,
     * except for a quoted value with a backslash before a quote or at its end.
     */
    @Override
    public String toString() {
        if (value == null) {
            return name;
        }
        boolean quote = value.isEmpty() || value.startsWith("'") || value.indexOf(',') >= 0
                || !value.strip().equals(value);
        return quote ? name + ":'" + value.replace("'", "\\'") + "'" : name + ":" + value;
    }
}
