package dev.pincer.signatures.operator;

/**
 * {@code @containsWord WORD}: true when the (macro-expanded) argument occurs in the value with no
 * ASCII letter right before or right after it (ModSecurity v3 counts only {@code A-Z a-z} as word
 * chars: digits, {@code _} and bytes above 0x7f are boundaries). An empty argument matches
 * everything; an empty value matches only an empty argument. One linear scan.
 *
 * <p>Example: {@code @containsWord select} matches {@code 1 select 2} and {@code 1(select)}, not
 * {@code selection}.
 */
final class ContainsWord implements Operator {

    private static final Needle.Occurrence BOUNDED = (hay, pos, length) ->
            !isLetter(hay, pos - 1) && !isLetter(hay, pos + length);

    private final Argument argument;
    private final Needle needle;

    ContainsWord(String argument) {
        this.argument = Argument.of(argument);
        this.needle = this.argument.isConstant() ? Needle.of(this.argument.constant()) : null;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        Needle n = needle != null ? needle : Needle.of(argument.value(ctx));
        if (n.length() == 0) {
            return true;
        }
        return n.indexOf(value, 0, BOUNDED) >= 0;
    }

    private static boolean isLetter(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
