package dev.pincer.signatures.transform;

/**
 * {@code t:trimRight}: removes trailing whitespace ({@code isspace} in the C locale: space,
 * {@code \t \n \v \f \r}), as libmodsecurity v3 ({@code trim.cc}).
 *
 * <p>Example: {@code  a b\r\n} gives {@code  a b}.
 */
final class TrimRight implements Transformation {

    @Override
    public String name() {
        return "trimRight";
    }

    /** The index after the last byte that is not whitespace, or 0. */
    static int end(String value) {
        int i = value.length();
        while (i > 0 && Bytes.isSpace(value.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    @Override
    public String apply(String value) {
        return value.substring(0, end(value));
    }
}
