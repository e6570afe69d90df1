package dev.pincer.signatures.action;

/**
 * An action that runs when its rule (or whole chain) matches: {@code setvar}, {@code expirevar},
 * {@code initcol}, {@code ctl}. Non-disruptive actions run once per matched variable, as in
 * ModSecurity, so that anomaly scores add up the same way. Immutable and thread-safe; all
 * per-transaction state goes through the {@link ActionContext}.
 */
public interface RuntimeAction extends Action {

    /**
     * True when the action runs once per matched value, as soon as that value matched, whether or
     * not the rest of the chain matches later ({@code setvar}, as libmodsecurity v3 runs it);
     * false when it runs once, after the whole chain matched ({@code ctl}, {@code initcol}...).
     */
    default boolean perMatch() {
        return false;
    }

    /** Runs the action in one transaction. Never throws for any transaction state. */
    void execute(ActionContext ctx);

    @Override
    default void describe(ActionSink rule) {
        rule.runtime(this);
    }
}
