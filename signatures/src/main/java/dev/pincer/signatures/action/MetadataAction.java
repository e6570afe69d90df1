package dev.pincer.signatures.action;

/**
 * {@code ver:'OWASP_CRS/4.28.0'}, {@code rev:2}, {@code maturity:9}, {@code accuracy:9}: metadata
 * that only travels into events. One class for the four, since they differ only in their name.
 */
final class MetadataAction implements Action {
    private final String name;
    private final String value;

    MetadataAction(String name, String value) {
        this.name = name;
        this.value = Values.required(name, value);
    }

    @Override public String name() { return name; }
    @Override public void describe(ActionSink rule) { rule.metadata(name, value); }
}
