package dev.pincer.inspection.seclang;

import dev.pincer.signatures.action.Disruptive;
import dev.pincer.signatures.rule.Rule;

/**
 * A disruptive action that took effect: the transaction stops being evaluated (but phase 5) and
 * the request is answered {@code status}, redirected or dropped.
 *
 * @param rule the rule that disrupted
 * @param action DENY, DROP or REDIRECT
 * @param status the answer's status (403 for a deny without status, 302 for a redirect)
 * @param location the redirect URL, or null
 * @param phase the phase it happened in
 */
public record Interruption(Rule rule, Disruptive action, int status, String location, int phase) {
}
