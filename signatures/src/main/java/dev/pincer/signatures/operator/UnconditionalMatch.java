package dev.pincer.signatures.operator;

/**
 * {@code @unconditionalMatch}: always true; the argument is ignored. {@code SecAction} is a rule
 * with this operator.
 *
 * <p>Example: {@code SecRule REQUEST_URI "@unconditionalMatch" "id:1,pass,setvar:tx.seen=1"}.
 */
final class UnconditionalMatch implements Operator {

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return true;
    }
}
