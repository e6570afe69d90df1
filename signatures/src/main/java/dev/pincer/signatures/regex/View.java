package dev.pincer.signatures.regex;

/**
 * A way of reading values for {@link RequiredLiterals}: the value with every {@code removed} char
 * dropped, unless it holds a {@code hatch} char. CRS writes command names letter by letter with
 * quote and backslash junk allowed between the letters ({@code c["'\\]*a["'\\]*t}), so in the raw
 * value their only required literals are single letters; with the junk chars removed, every
 * match spells {@code cat}. Where the junk may also be a shell variable ({@code $x}), its
 * {@code $} is the hatch: a value that holds one is not judged in this view.
 *
 * <p>A clause derived in a view holds for a value when the view of the value contains one of its
 * literals, or the raw value contains a hatch char. Removed and hatch chars are ASCII, not
 * letters.
 *
 * <p>Example: {@code UNIX.apply("c\"a't")} is {@code "cat"}.
 *
 * @param removed chars the view drops
 * @param hatch   chars whose presence anywhere in a value makes the view's clauses hold
 */
public record View(String removed, String hatch) {

    /** The value as it is. */
    public static final View RAW = new View("", "");
    /** Unix shell evasions of CRS 932xxx: quotes, {@code )}, {@code [}, backslashes; a {@code $} variable. */
    public static final View UNIX = new View("\"')[\\", "$");
    /** Windows cmd evasions of CRS 932xxx: quotes and carets. */
    public static final View WINDOWS = new View("\"^", "");

    public View {
        for (char c : (removed + hatch).toCharArray()) {
            if (c > 0x7f || Character.isLetterOrDigit(c)) {
                throw new IllegalArgumentException("view chars must be ASCII and not letters or digits: " + c);
            }
        }
    }

    boolean removes(char c) {
        return removed.indexOf(c) >= 0;
    }

    boolean isHatch(char c) {
        return hatch.indexOf(c) >= 0;
    }

    /** The value with the removed chars dropped (the value itself when there are none to drop). */
    public CharSequence apply(CharSequence value) {
        if (removed.isEmpty()) {
            return value;
        }
        StringBuilder out = null;
        int n = value.length();
        for (int k = 0; k < n; k++) {
            char c = value.charAt(k);
            if (removed.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(n).append(value, 0, k);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out;
    }
}
