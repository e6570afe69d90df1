package dev.pincer.signatures.operator;

/**
 * {@code @ge NUMBER}: true when the value, read as a number, is greater than or equal to the
 * (macro-expanded) argument, read the same way; ModSecurity v3 compares {@code atoll} values
 * (64-bit, saturating on overflow). Both sides are parsed as C does ({@link Numbers}): leading
 * blanks, a sign, digits, the rest ignored; no digits is 0. A constant argument must be an integer
 * (v3 would read a typo as 0).
 *
 * <p>Example: {@code @ge %{tx.inbound_anomaly_score_threshold}} (CRS 949110) with a threshold of 5
 * matches a score of {@code 5}.
 */
final class Ge implements Operator {

    private final Argument argument;
    private final long constant;

    Ge(String argument) {
        this.argument = Numbers.checkedArgument("ge", argument);
        this.constant = this.argument.isConstant() ? Numbers.atoll(this.argument.constant()) : 0;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        long limit = argument.isConstant() ? constant : Numbers.atoll(argument.value(ctx));
        return Numbers.atoll(value) >= limit;
    }
}
