package dev.pincer.signatures.operator;

/**
 * {@code @le NUMBER}: true when the value, read as a number, is less than or equal to the
 * (macro-expanded) argument, read the same way; ModSecurity v3 compares {@code atoll} values
 * (64-bit, saturating on overflow). Both sides are parsed as C does ({@link Numbers}): leading
 * blanks, a sign, digits, the rest ignored; no digits is 0. A constant argument must be an integer
 * (v3 would read a typo as 0).
 *
 * <p>Example: {@code @le 3} matches {@code 3} and {@code 2abc}.
 */
final class Le implements Operator {

    private final Argument argument;
    private final long constant;

    Le(String argument) {
        this.argument = Numbers.checkedArgument("le", argument);
        this.constant = this.argument.isConstant() ? Numbers.atoll(this.argument.constant()) : 0;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        long limit = argument.isConstant() ? constant : Numbers.atoll(argument.value(ctx));
        return Numbers.atoll(value) <= limit;
    }
}
