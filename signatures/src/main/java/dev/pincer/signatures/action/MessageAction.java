package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;

/** {@code msg:'SQL Injection Attack Detected via libinjection'}: the event message, with macros. */
final class MessageAction implements Action {
    private final Macro msg;

    MessageAction(String value) {
        msg = Macro.parse(Values.required("msg", value));
    }

    @Override public String name() { return "msg"; }
    @Override public void describe(ActionSink rule) { rule.message(msg); }
}
