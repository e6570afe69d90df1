package dev.pincer.signatures.transform;

/**
 * {@code t:trimLeft}: removes leading whitespace ({@code isspace} in the C locale: space,
 * {@code \t \n \v \f \r}), as libmodsecurity v3 ({@code trim.cc}).
 *
 * <p>Example: {@code \t a b } gives {@code a b }.
 */
final class TrimLeft implements Transformation {

    @Override
    public String name() {
        return "trimLeft";
    }

    /** The index of the first byte that is not whitespace, or the length. */
    static int start(String value) {
        int i = 0;
        while (i < value.length() && Bytes.isSpace(value.charAt(i))) {
            i++;
        }
        return i;
    }

    @Override
    public String apply(String value) {
        return value.substring(start(value));
    }
}
