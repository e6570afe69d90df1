package dev.pincer.signatures.action;

/**
 * The disruptive actions. {@code BLOCK} means "what SecDefaultAction of the rule's phase says";
 * with CRS's {@code SecDefaultAction "phase:2,log,auditlog,pass"} it passes, and 949110 then
 * denies on the anomaly score.
 */
public enum Disruptive {
    /** Continue with the next rule (the default). */
    PASS,
    /** Stop and answer with the status ({@code status:}, 403 by default). */
    DENY,
    /** Close the connection. */
    DROP,
    /** {@code allow}: stop evaluating rules for the whole transaction and let it through. */
    ALLOW,
    /** {@code allow:phase}: skip the rest of the current phase. */
    ALLOW_PHASE,
    /** {@code allow:request}: skip the rest of the request phases; response phases still run. */
    ALLOW_REQUEST,
    /** Answer with a redirect to the {@code redirect:} URL. */
    REDIRECT,
    /** The phase's default disruptive action. */
    BLOCK
}
