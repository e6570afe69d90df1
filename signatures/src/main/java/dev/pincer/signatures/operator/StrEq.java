package dev.pincer.signatures.operator;

/**
 * {@code @streq TEXT}: true when the value equals the (macro-expanded) argument, byte for byte.
 *
 * <p>Example: {@code TX:1 "@streq %{TX.2}"} (CRS 942130) matches when captures 1 and 2 are equal.
 */
final class StrEq implements Operator {

    private final Argument argument;

    StrEq(String argument) {
        this.argument = Argument.of(argument);
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return value.equals(argument.value(ctx));
    }
}
