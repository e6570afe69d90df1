package dev.pincer.inspection.seclang;

import dev.pincer.signatures.rule.Rule;

/**
 * One rule (or whole chain) that matched in a transaction, as events and scoring read it.
 *
 * @param rule the chain's head
 * @param variable the last matched variable's name ({@code ARGS:id})
 * @param data the matched value, cut to {@link #MAX_DATA} chars
 * @param message {@code msg} expanded, or ""
 * @param logData {@code logdata} expanded and cut, or ""
 */
public record RuleMatch(Rule rule, String variable, String data, String message, String logData) {

    /** Matched data and log data are cut to this many chars in events. */
    public static final int MAX_DATA = 256;

    static String cut(String s) {
        return s.length() <= MAX_DATA ? s : s.substring(0, MAX_DATA);
    }
}
