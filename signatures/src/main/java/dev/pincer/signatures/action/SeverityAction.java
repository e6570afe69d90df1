package dev.pincer.signatures.action;

import java.util.List;
import java.util.Locale;

/** {@code severity:'CRITICAL'} or {@code severity:2}: 0 EMERGENCY to 7 DEBUG. */
final class SeverityAction implements Action {
    private static final List<String> NAMES =
            List.of("EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG");
    private final int severity;

    SeverityAction(String value) {
        String v = Values.required("severity", value).trim();
        int named = NAMES.indexOf(v.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            severity = named;
        } else if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '7') {
            severity = v.charAt(0) - '0';
        } else {
            throw new IllegalArgumentException("severity '" + value + "' is not 0-7 or one of " + NAMES);
        }
    }

    @Override public String name() { return "severity"; }
    @Override public void describe(ActionSink rule) { rule.severity(severity); }
}
