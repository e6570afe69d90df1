package dev.pincer.signatures.action;

/** {@code tag:'attack-sqli'}: a label; CRS's attack tags map to Pincer's attack classes. */
final class TagAction implements Action {
    private final String tag;

    TagAction(String value) {
        tag = Values.required("tag", value);
    }

    @Override public String name() { return "tag"; }
    @Override public void describe(ActionSink rule) { rule.tag(tag); }
}
