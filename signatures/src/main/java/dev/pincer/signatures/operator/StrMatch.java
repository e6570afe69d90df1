package dev.pincer.signatures.operator;

/**
 * {@code @strmatch TEXT}: true when the (macro-expanded) argument occurs in the value. v3 gives it
 * exactly {@code @contains}'s meaning (v2 used Boyer-Moore for the same answer). Linear time.
 *
 * <p>Example: {@code @strmatch WebZIP} matches {@code Mozilla/4.0 (compatible; WebZIP/4.0)}.
 */
final class StrMatch implements Operator {

    private final Contains contains;

    StrMatch(String argument) {
        this.contains = new Contains(argument);
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return contains.matches(ctx, value);
    }
}
