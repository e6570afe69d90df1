package dev.pincer.signatures.transform;

/**
 * {@code t:length}: the value's length in bytes, in decimal, as libmodsecurity v3
 * ({@code length.cc}).
 *
 * <p>Example: {@code hello} gives {@code 5}; the empty value gives {@code 0}.
 */
final class Length implements Transformation {

    @Override
    public String name() {
        return "length";
    }

    @Override
    public String apply(String value) {
        String length = Integer.toString(value.length());
        return length.equals(value) ? value : length;
    }
}
