package dev.pincer.correlator.analyzer.internal;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Evaluates a comparison of two constants, as an injected {@code OR 1=1} or {@code or 'a'='a'}
 * writes them: numbers compare by value, strings by content (ignoring case, as most collations
 * do), and {@code LIKE} with a pattern of only {@code %} or the same text. Anything it cannot
 * evaluate is "not a tautology". Linear in the operands.
 *
 * <p>Example: {@code isTrue("2", false, ">", "1", false)} and {@code isTrue("a", true, "=", "a",
 * true)} are true; {@code isTrue("1", false, "=", "0", false)} is false.
 */
public final class Tautology {
    /** Longer numbers are not what a tautology is written with, and are not parsed. */
    private static final int MAX_NUMBER = 40;

    private Tautology() {
    }

    /**
     * @param a       the left constant's text (a string's content, without quotes)
     * @param aString whether the left constant is a string
     * @param op      the operator: {@code = == <> != < > <= >= like}
     * @return true only when the comparison is constant and true
     */
    public static boolean isTrue(String a, boolean aString, String op, String b, boolean bString) {
        String o = op.toLowerCase(Locale.ROOT);
        if (o.equals("like")) {
            return bString && (b.chars().allMatch(c -> c == '%') && !b.isEmpty() || b.equalsIgnoreCase(a));
        }
        int cmp;
        if (!aString && !bString) {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            if (x == null || y == null) {
                return false;
            }
            cmp = x.compareTo(y);
        } else if (aString && bString) {
            cmp = a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
        } else {
            return false;
        }
        return switch (o) {
            case "=", "==" -> cmp == 0;
            case "<>", "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            case ">=" -> cmp >= 0;
            default -> false;
        };
    }

    private static BigDecimal number(String s) {
        if (s.isEmpty() || s.length() > MAX_NUMBER) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
