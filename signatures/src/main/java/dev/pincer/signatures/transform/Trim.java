package dev.pincer.signatures.transform;

/**
 * {@code t:trim}: removes leading and trailing whitespace ({@code isspace} in the C locale:
 * space, {@code \t \n \v \f \r}; not 0xA0, not NUL), as libmodsecurity v3 ({@code trim.cc}).
 *
 * <p>Example: {@code \t a b \r\n} gives {@code a b}.
 */
final class Trim implements Transformation {

    @Override
    public String name() {
        return "trim";
    }

    @Override
    public String apply(String value) {
        int end = TrimRight.end(value);
        return end == 0 ? value.substring(0, 0) : value.substring(TrimLeft.start(value), end);
    }
}
