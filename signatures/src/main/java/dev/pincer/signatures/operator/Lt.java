package dev.pincer.signatures.operator;

/**
 * {@code @lt NUMBER}: true when the value, read as a number, is less than the (macro-expanded)
 * argument, read the same way; ModSecurity v3 compares {@code atoll} values (64-bit, saturating on
 * overflow). Both sides are parsed as C does ({@link Numbers}): leading blanks, a sign, digits, the
 * rest ignored; no digits is 0. A constant argument must be an integer (v3 would read a typo as 0).
 *
 * <p>Example: {@code @lt 1} (the CRS paranoia-level skips) matches {@code 0} and an empty value.
 */
final class Lt implements Operator {

    private final Argument argument;
    private final long constant;

    Lt(String argument) {
        this.argument = Numbers.checkedArgument("lt", argument);
        this.constant = this.argument.isConstant() ? Numbers.atoll(this.argument.constant()) : 0;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        long limit = argument.isConstant() ? constant : Numbers.atoll(argument.value(ctx));
        return Numbers.atoll(value) < limit;
    }
}
