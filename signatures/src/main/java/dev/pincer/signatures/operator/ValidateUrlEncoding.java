package dev.pincer.signatures.operator;

/**
 * {@code @validateUrlEncoding}: true when the value's percent-encoding is broken: a {@code %} not
 * followed by two hex digits, or too close to the end for them. An empty value is valid. The
 * argument is ignored. Same checks as ModSecurity v3's {@code validate_url_encoding}.
 *
 * <p>Example: matches {@code a%zzb} and {@code abc%4}; not {@code a%20b}.
 */
final class ValidateUrlEncoding implements Operator {

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        int n = value.length();
        int i = 0;
        while (i < n) {
            if (value.charAt(i) != '%') {
                i++;
                continue;
            }
            if (i + 2 >= n) {
                return true;
            }
            if (!isHex(value.charAt(i + 1)) || !isHex(value.charAt(i + 2))) {
                return true;
            }
            i += 3;
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
