package dev.pincer.signatures.operator;

/**
 * {@code @contains TEXT}: true when the (macro-expanded) argument occurs in the value, case
 * sensitively; an empty argument is found everywhere. Linear time (see {@link Needle}).
 *
 * <p>Example: {@code @contains -->} matches {@code a-->b}.
 */
final class Contains implements Operator {

    private final Argument argument;
    private final Needle needle;  // null when the argument holds macros

    Contains(String argument) {
        this.argument = Argument.of(argument);
        this.needle = this.argument.isConstant() ? Needle.of(this.argument.constant()) : null;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        Needle n = needle != null ? needle : Needle.of(argument.value(ctx));
        return n.indexOf(value, 0) >= 0;
    }
}
