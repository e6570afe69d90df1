package dev.pincer.signatures.action;

import java.util.function.Consumer;

/**
 * The actions that take no value and set one flag: {@code chain}, {@code capture},
 * {@code multiMatch}, {@code log}, {@code nolog}, {@code auditlog}, {@code noauditlog}.
 * Example: {@code capture} makes {@code @rx} store its match in TX.0 and groups in TX.1-TX.9.
 */
final class FlagAction implements Action {
    private final String name;
    private final Consumer<ActionSink> effect;

    FlagAction(String name, String value, Consumer<ActionSink> effect) {
        Values.none(name, value);
        this.name = name;
        this.effect = effect;
    }

    @Override public String name() { return name; }
    @Override public void describe(ActionSink rule) { effect.accept(rule); }
}
