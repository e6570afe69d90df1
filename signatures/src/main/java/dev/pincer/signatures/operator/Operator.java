package dev.pincer.signatures.operator;

/**
 * A compiled operator ({@code @rx}, {@code @pm}, {@code @eq}...): everything expensive (regexes,
 * automata, files, IP tries) is built once when the rule loads; {@link #matches} runs per value on
 * the hot path, without allocation where it can. Negation ({@code !@rx}) is the engine's concern,
 * not the operator's. Thread-safe: one instance serves every transaction.
 */
public interface Operator {

    /**
     * @param ctx macro expansion and captures for this transaction
     * @param value the transformed variable value, a byte string (one char per byte)
     * @return true when the operator matches
     */
    boolean matches(OperatorContext ctx, String value);
}
