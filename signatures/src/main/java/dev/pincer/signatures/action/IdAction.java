package dev.pincer.signatures.action;

/** {@code id:942100}: the rule's id, a positive integer, unique in a rule set. */
final class IdAction implements Action {
    private final long id;

    IdAction(String value) {
        try {
            id = Long.parseLong(Values.required("id", value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("id '" + value + "' is not a positive integer");
        }
        if (id <= 0) {
            throw new IllegalArgumentException("id '" + value + "' is not a positive integer");
        }
    }

    @Override public String name() { return "id"; }
    @Override public void describe(ActionSink rule) { rule.id(id); }
}
