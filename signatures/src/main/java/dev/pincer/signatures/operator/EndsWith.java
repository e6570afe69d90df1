package dev.pincer.signatures.operator;

/**
 * {@code @endsWith TEXT}: true when the value ends with the (macro-expanded) argument; an empty
 * argument matches everything.
 *
 * <p>Example: {@code @endsWith .%{request_headers.host}} matches {@code www.example.com} when the
 * Host header is {@code example.com}.
 */
final class EndsWith implements Operator {

    private final Argument argument;

    EndsWith(String argument) {
        this.argument = Argument.of(argument);
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return value.endsWith(argument.value(ctx));
    }
}
