package dev.pincer.correlator.sql;

import dev.pincer.correlator.sql.SqlTokens.Type;

/**
 * Decides whether one occurrence {@code [s, e)} of an input in a query changed the query's
 * structure. Confined, and so allowed: wholly inside one string literal's content; one token of any
 * kind ({@code 42}, {@code name}) except a name that is a whole value ({@link IdentifierValueRule});
 * a run of literals, commas and arithmetic ({@code 1,2,3}, {@code -5}, {@code 'a','b'}); a qualified
 * name ({@code users.name}) where no value is expected; a sort key in {@code ORDER BY}
 * ({@link OrderByRule}). Everything else is a break-out: leaving a literal, opening one,
 * introducing a comment, spanning several tokens, turning a value into a name.
 *
 * <p>Example: in {@code SELECT * FROM u WHERE n='x' OR '1'='1'} the input {@code x' OR '1'='1}
 * starts inside the literal {@code 'x'} and ends in another: "input leaves a string literal".
 */
final class SqlSpanJudge {
    /** A verdict: why, and the tokens that show it. */
    record Breakout(String reason, int firstToken, int lastToken) {
    }

    private SqlSpanJudge() {
    }

    /** The break-out the occurrence makes, or null when it is confined. */
    static Breakout judge(SqlTokens t, int s, int e, boolean single) {
        String q = t.sql;
        int u = t.unterminated();
        if (u >= 0 && e > t.start(u)) {
            return new Breakout("input leaves " + what(t, u) + " unterminated", t.firstEndingAfter(s), u);
        }
        while (s < e && SqlTokenizer.isSpace(q.charAt(s))) {
            s++;
        }
        while (e > s && SqlTokenizer.isSpace(q.charAt(e - 1))) {
            e--;
        }
        if (single || s >= e) {
            return null;
        }
        int a = t.firstEndingAfter(s);
        int b = t.lastStartingAtOrBefore(e - 1);
        if (a >= t.count() || b < a) {
            return null;
        }
        if (t.delimited(a) && s > t.start(a)) {
            if (s >= t.contentStart(a) && e <= t.contentEnd(a)) {
                return null;
            }
            if (s < t.contentStart(a)) {
                return new Breakout("input supplies the opening delimiter of " + what(t, a), a, b);
            }
            return new Breakout("input leaves " + what(t, a), a, b);
        }
        if (t.commentsIn(a, b) > 0) {
            return new Breakout("input introduces a comment", a, b);
        }
        if (t.delimited(b) && e < t.end(b)) {
            return new Breakout("input opens " + what(t, b) + " that the query closes", a, b);
        }
        Breakout named = IdentifierValueRule.judge(t, a, b, s, e);
        if (named != null) {
            return named;
        }
        if (a == b || t.allLiteralish(a, b) || qualifiedName(t, a, b) || OrderByRule.allows(t, a, b)) {
            return null;
        }
        return new Breakout("input spans " + (b - a + 1) + " SQL tokens", a, b);
    }

    /** {@code name(.name)*}, optionally ending in {@code .*}: one column or table reference. */
    static boolean qualifiedName(SqlTokens t, int a, int b) {
        if (b - a > 8 || (b - a) % 2 != 0) {
            return false;
        }
        for (int k = a; k <= b; k++) {
            boolean dotSlot = (k - a) % 2 == 1;
            if (dotSlot ? !t.text(k).equals(".") : !(namePart(t, k) || (k == b && t.text(k).equals("*")))) {
                return false;
            }
        }
        return true;
    }

    static boolean namePart(SqlTokens t, int k) {
        Type ty = t.type(k);
        return ty == Type.WORD || ty == Type.QUOTED || ty == Type.BACKTICK;
    }

    private static String what(SqlTokens t, int k) {
        return switch (t.type(k)) {
            case STRING -> "a string literal";
            case QUOTED -> "a double-quoted string";
            case BACKTICK -> "a quoted identifier";
            default -> "a comment";
        };
    }
}
