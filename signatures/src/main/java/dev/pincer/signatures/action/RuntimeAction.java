package dev.pincer.signatures.action;

/**
 * An action that runs when its rule (or whole chain) matches: {@code setvar}, {@code expirevar},
 * {@code initcol}, {@code ctl}. Non-disruptive actions run once per matched variable, as in
 * ModSecurity, so that anomaly scores add up the same way. Immutable and thread-safe; all
 * per-transaction state goes through the {@link ActionContext}.
 */
public interface RuntimeAction extends Action {

    /** Runs the action in one transaction. Never throws for any transaction state. */
    void execute(ActionContext ctx);

    @Override
    default void describe(ActionSink rule) {
        rule.runtime(this);
    }
}
