package dev.pincer.signatures.transform;

/**
 * {@code t:none}: the identity. Its other meaning, dropping the transformations inherited from
 * {@code SecDefaultAction} and listed before it, belongs to the rule compiler.
 *
 * <p>Example: {@code %41} gives {@code %41}.
 */
final class None implements Transformation {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String apply(String value) {
        return value;
    }
}
