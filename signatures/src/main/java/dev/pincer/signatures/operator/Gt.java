package dev.pincer.signatures.operator;

/**
 * {@code @gt NUMBER}: true when the value, read as a number, is greater than the (macro-expanded)
 * argument, read the same way; ModSecurity v3 compares {@code atoll} values (64-bit, saturating on
 * overflow). Both sides are parsed as C does ({@link Numbers}): leading blanks, a sign, digits, the
 * rest ignored; no digits is 0. A constant argument must be an integer (v3 would read a typo as 0).
 *
 * <p>Example: {@code @gt %{tx.max_num_args}} (CRS 920380) with a limit of 255 matches {@code 256}.
 */
final class Gt implements Operator {

    private final Argument argument;
    private final long constant;

    Gt(String argument) {
        this.argument = Numbers.checkedArgument("gt", argument);
        this.constant = this.argument.isConstant() ? Numbers.atoll(this.argument.constant()) : 0;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        long limit = argument.isConstant() ? constant : Numbers.atoll(argument.value(ctx));
        return Numbers.atoll(value) > limit;
    }
}
