package dev.pincer.signatures.action;

/**
 * {@code block}, {@code deny}, {@code drop}, {@code pass}, {@code allow} ({@code allow:phase},
 * {@code allow:request}): what happens when the rule matches. In DetectionOnly nothing disrupts.
 */
final class DisruptiveAction implements Action {
    private final String name;
    private final Disruptive action;

    DisruptiveAction(String name, Disruptive action, String value) {
        this.name = name;
        if (action == Disruptive.ALLOW && value != null) {
            this.action = switch (value.trim()) {
                case "phase" -> Disruptive.ALLOW_PHASE;
                case "request" -> Disruptive.ALLOW_REQUEST;
                default -> throw new IllegalArgumentException(
                        "allow:'" + value + "' (expected allow, allow:phase or allow:request)");
            };
        } else {
            Values.none(name, value);
            this.action = action;
        }
    }

    @Override public String name() { return name; }
    @Override public void describe(ActionSink rule) { rule.disruptive(action); }
}
