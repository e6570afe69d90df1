package dev.pincer.correlator.sql;

import dev.pincer.correlator.sql.SqlTokens.Type;
import java.util.Set;

/**
 * An input that turns a value into an identifier or keyword: the input is, exactly, a whole
 * operand in a value position ({@link ValuePositions}) and that operand is a name, not a literal:
 * a word ({@code id}, {@code name}, {@code NULL}, {@code TRUE}, {@code CURRENT_USER},
 * {@code @@version}), a quoted or backticked identifier, or a qualified name ({@code users.id}).
 * {@code WHERE id = id} with input {@code id} compares the column with itself and returns every
 * row. Not a finding: a number ({@code 42}), a string literal, a word that does not end the
 * operand (a function name before {@code (}, a qualifier before {@code .}, a type before its
 * literal as in {@code DATE '2024-01-31'}), a word that cannot stand alone as an operand
 * ({@code SELECT} of a subquery, {@code NOT}, {@code CASE}...), and any identifier where the app
 * expects one ({@code ORDER BY}, {@code GROUP BY}, a column list), since those are not value
 * positions.
 *
 * <p>Example: {@code SELECT * FROM users WHERE name = name} with input {@code name} gives "input
 * puts an identifier or keyword where a value belongs: name".
 */
final class IdentifierValueRule {
    /** Words that start a longer construct rather than being an operand on their own. */
    private static final Set<String> NOT_OPERANDS = Set.of("select", "with", "values", "table", "not", "exists",
            "case", "distinct", "all", "any", "some", "interval", "array", "row", "binary", "symmetric", "asymmetric");

    private IdentifierValueRule() {
    }

    /** The break-out when tokens {@code a..b}, covering exactly {@code [s, e)}, are a name in a value position. */
    static SqlSpanJudge.Breakout judge(SqlTokens t, int a, int b, int s, int e) {
        if (s != t.start(a) || e != t.end(b) || !t.valuePosition(a) || !SqlSpanJudge.namePart(t, b)) {
            return null;
        }
        if (a != b && !SqlSpanJudge.qualifiedName(t, a, b)) {
            return null;
        }
        if (t.type(a) == Type.WORD && NOT_OPERANDS.contains(t.lower(a))) {
            return null;
        }
        if (!endsOperand(t, b + 1)) {
            return null;
        }
        return new SqlSpanJudge.Breakout("input puts an identifier or keyword where a value belongs: "
                + t.sql.substring(s, e), Math.max(0, a - 1), b);
    }

    /** The break-out when the token exactly at {@code [s, e)} is a word in a value position. */
    static SqlSpanJudge.Breakout word(SqlTokens t, int s, int e) {
        int k = t.firstEndingAfter(s);
        if (k >= t.count() || t.type(k) != Type.WORD) {
            return null;
        }
        return judge(t, k, k, s, e);
    }

    /** True when token {@code k} cannot continue the operand before it. */
    private static boolean endsOperand(SqlTokens t, int k) {
        if (k >= t.count()) {
            return true;
        }
        Type ty = t.type(k);
        if (ty == Type.STRING || ty == Type.NUMBER || ty == Type.QUOTED || ty == Type.BACKTICK || ty == Type.PARAM) {
            return false;
        }
        String next = t.text(k);
        return !next.equals("(") && !next.equals(".");
    }
}
