package dev.pincer.signatures.operator;

/**
 * {@code @eq NUMBER}: true when the value, read as a number, is equal to the (macro-expanded)
 * argument, read the same way; ModSecurity v3 compares {@code std::stoi} values (32-bit; no digits
 * or an overflow gives 0). Both sides are parsed as C does ({@link Numbers}): leading blanks, a
 * sign, digits, the rest ignored; no digits is 0. A constant argument must be an integer (v3 would
 * read a typo as 0).
 *
 * <p>Example: {@code @eq 0} matches an empty value and {@code abc}; {@code @eq 1} matches
 * {@code 1x}.
 */
final class Eq implements Operator {

    private final Argument argument;
    private final int constant;

    Eq(String argument) {
        this.argument = Numbers.checkedArgument("eq", argument);
        this.constant = this.argument.isConstant() ? Numbers.stoi(this.argument.constant()) : 0;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        int limit = argument.isConstant() ? constant : Numbers.stoi(argument.value(ctx));
        return Numbers.stoi(value) == limit;
    }
}
