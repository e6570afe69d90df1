package dev.pincer.signatures.action;

/**
 * One parsed action of a rule ({@code id:942100}, {@code t:lowercase}, {@code setvar:tx.x=+1}),
 * created once at load by {@link Actions#create}. An action describes what it does to the rule
 * being compiled: metadata, flags, a disruptive action, or a {@link RuntimeAction} that the engine
 * runs when the rule matches.
 */
public interface Action {

    /** The action's name as ModSecurity spells it ({@code skipAfter}). */
    String name();

    /** Tells the rule under compilation what this action sets. */
    void describe(ActionSink rule);
}
