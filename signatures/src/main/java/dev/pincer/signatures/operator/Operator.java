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

    /**
     * True when the answer depends on the value alone: the same value always gets the same answer,
     * and a no-match writes nothing into the transaction. The engine may then remember that a value
     * did not match and skip the operator the next time it sees that value, in this request or a
     * later one. An operator that could not judge a value says so with
     * {@link OperatorContext#incomplete}; such an answer is never remembered.
     */
    default boolean pure() {
        return false;
    }
}
