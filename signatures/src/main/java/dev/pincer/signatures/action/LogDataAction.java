package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;

/** {@code logdata:'Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}'}: event data, with macros. */
final class LogDataAction implements Action {
    private final Macro logdata;

    LogDataAction(String value) {
        logdata = Macro.parse(Values.required("logdata", value));
    }

    @Override public String name() { return "logdata"; }
    @Override public void describe(ActionSink rule) { rule.logData(logdata); }
}
