package dev.pincer.inspection.input;

/**
 * Why the inputs of a request are incomplete: which kind of bound cut something off, so that part
 * of the request is not represented in its {@link RequestInputs}. A request with any truncation is
 * <em>incomplete</em>; the proxy's per-route policy then rejects it or forwards it as suspect.
 *
 * <p>Example: {@code ?a=1&a=2&...} with 1,001 pairs records {@link #COUNT}; a 200 KiB form body
 * under a 128 KiB body limit records {@link #BODY}.
 */
public enum Truncation {
    /** The body was longer than the inspected prefix (the non-file body limit), so its end was not seen. */
    BODY("body"),
    /** More inputs, query/form/cookie pairs or multipart parts than the count limits keep. */
    COUNT("count"),
    /** A value or name longer than its length limit, or more characters than the per-request budget. */
    LENGTH("length"),
    /** JSON or XML nested deeper than the depth limit names. */
    DEPTH("depth"),
    /**
     * A body in a content-coding ({@code gzip}, ...) or charset ({@code utf-16}, {@code ibm037}, ...)
     * that inspection does not decode, so its text is not what the application will read.
     */
    ENCODING("encoding");

    private final String label;

    Truncation(String label) {
        this.label = label;
    }

    /** The stable lower-case name used in events, metrics and docs. */
    public String label() {
        return label;
    }
}
