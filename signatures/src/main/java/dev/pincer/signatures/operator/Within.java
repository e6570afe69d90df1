package dev.pincer.signatures.operator;

/**
 * {@code @within LIST}: true when the value occurs anywhere in the (macro-expanded) argument, as a
 * plain substring (ModSecurity v3 does no tokenising: {@code GE} is within {@code GET POST}); an
 * empty value is always within. Linear time.
 *
 * <p>Example: {@code REQUEST_METHOD "!@within %{tx.allowed_methods}"} (CRS 911100) with
 * {@code tx.allowed_methods=GET HEAD POST OPTIONS}: {@code POST} is within.
 */
final class Within implements Operator {

    private final Argument argument;

    Within(String argument) {
        this.argument = Argument.of(argument);
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        if (value.isEmpty()) {
            return true;
        }
        String list = argument.value(ctx);
        if (value.length() > list.length()) {
            return false;
        }
        return Needle.of(value).indexOf(list, 0) >= 0;
    }
}
