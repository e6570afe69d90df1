package dev.pincer.signatures.lang;

import java.util.Objects;

/**
 * The operator argument of a {@code SecRule}, split: negation, name and argument. The name is
 * not validated here; the rule compiler does it.
 *
 * <p>Example: {@code !@eq 0} is {@code OperatorSpec(true, "eq", "0")}; {@code ^GET$} (no
 * {@code @}) is {@code OperatorSpec(false, "rx", "^GET$")}.
 *
 * @param negated whether the operator's result is inverted ({@code !})
 * @param name the operator name without {@code @}, as written ({@code pmFromFile})
 * @param argument the argument, "" when there is none ({@code @unconditionalMatch})
 */
public record OperatorSpec(boolean negated, String name, String argument) {

    public OperatorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argument, "argument");
    }

    /** The operator in rule syntax: {@code !@eq 0}, {@code @detectSQLi}. */
    @Override
    public String toString() {
        return (negated ? "!" : "") + "@" + name + (argument.isEmpty() ? "" : " " + argument);
    }
}
