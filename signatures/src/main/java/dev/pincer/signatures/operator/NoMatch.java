package dev.pincer.signatures.operator;

/**
 * {@code @noMatch}: always false; the argument is ignored. Used to switch a rule off while keeping
 * it in the file.
 *
 * <p>Example: {@code SecRule ARGS "@noMatch" "id:2,deny"} never denies.
 */
final class NoMatch implements Operator {

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return false;
    }
}
