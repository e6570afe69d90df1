package dev.pincer.signatures.action;

/** {@code skip:2}: when the rule matches, the next N rules (chains count as one) of the phase are skipped. */
final class SkipAction implements Action {
    private final int count;

    SkipAction(String value) {
        int n;
        try {
            n = Integer.parseInt(Values.required("skip", value).trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw new IllegalArgumentException("skip '" + value + "' is not a positive number of rules");
        }
        count = n;
    }

    @Override public String name() { return "skip"; }
    @Override public void describe(ActionSink rule) { rule.skip(count); }
}
