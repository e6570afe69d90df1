package dev.pincer.signatures.action;

/**
 * {@code skipAfter:END-REQUEST-942-APPLICATION-ATTACK-SQLI}: when the rule matches, evaluation
 * resumes after the SecMarker (or rule id) of that name in the same phase; the compiler checks
 * that the marker exists.
 */
final class SkipAfterAction implements Action {
    private final String marker;

    SkipAfterAction(String value) {
        marker = Values.required("skipAfter", value).trim();
    }

    @Override public String name() { return "skipAfter"; }
    @Override public void describe(ActionSink rule) { rule.skipAfter(marker); }
}
