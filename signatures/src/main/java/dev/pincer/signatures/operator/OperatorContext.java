package dev.pincer.signatures.operator;

import dev.pincer.signatures.macro.MacroResolver;

/**
 * What an operator may see and do during one evaluation: expand the macros in its argument, and
 * record captures when the rule has the {@code capture} action, and say that it could not judge
 * the value. Implemented by the rule engine.
 */
public interface OperatorContext extends MacroResolver {

    /** True when the rule has {@code capture}: operators that capture set TX.0-TX.9. */
    boolean capturing();

    /**
     * Records capture {@code group} (0 is the whole match, 1-9 the regex groups) as TX.{group}.
     * Only called while {@link #capturing()} is true.
     */
    void capture(int group, String text);

    /**
     * Marks the transaction incomplete: this operator could not judge the value (Pincer does not do
     * what it asks, such as {@code @rbl}'s DNS query), so the request must be decided by the
     * incomplete-request policy, never passed as judged. The operator then returns false.
     *
     * @param reason a short label for metrics and logs ({@code rbl})
     */
    void incomplete(String reason);
}
