package dev.pincer.signatures.operator;

/**
 * {@code @beginsWith TEXT}: true when the value starts with the (macro-expanded) argument; an
 * empty argument matches everything.
 *
 * <p>Example: {@code @beginsWith #:~:text=} (CRS 920620's chain) matches {@code #:~:text=hello}.
 */
final class BeginsWith implements Operator {

    private final Argument argument;

    BeginsWith(String argument) {
        this.argument = Argument.of(argument);
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return value.startsWith(argument.value(ctx));
    }
}
