package dev.pincer.correlator.sql;

import dev.pincer.correlator.sql.SqlTokens.Type;
import java.util.Set;

/**
 * Where a query expects a value: the tokens that start an operand an application fills with a
 * literal. A token is in a value position when the token before it is
 * <ul>
 *   <li>a comparison: {@code = == <> != < > <= >= <=>}, or {@code LIKE ILIKE RLIKE REGEXP}
 *       ({@code NOT LIKE} included);</li>
 *   <li>{@code BETWEEN}, or the {@code AND} of {@code BETWEEN v AND};</li>
 *   <li>the {@code (} or a {@code ,} of a value list: {@code IN (...)}, a {@code VALUES} row (and
 *       the rows after it), the arguments of {@code CALL p(...)} or <code>&#123;call p(...)&#125;</code>.</li>
 * </ul>
 * Deliberately not: {@code SELECT} lists, {@code ORDER BY}, {@code GROUP BY}, {@code FROM}, an
 * {@code INSERT} column list, {@code IS [NOT]} (whose {@code NULL}/{@code TRUE} the app writes),
 * {@code LIMIT}: there an identifier is what the app expects. One pass over the tokens, with a
 * stack of open parentheses no deeper than the token count ({@link SqlTokenizer#MAX_TOKENS}).
 *
 * <p>Example: in {@code SELECT id FROM t WHERE id = x AND k IN (1, y) ORDER BY z} the tokens
 * {@code x}, {@code 1} and {@code y} are in value positions, {@code id} and {@code z} are not.
 */
final class ValuePositions {
    private static final Set<String> COMPARE = Set.of("=", "==", "<>", "!=", "<", ">", "<=", ">=", "<=>");
    private static final Set<String> COMPARE_WORDS = Set.of("like", "ilike", "rlike", "regexp", "between");
    /** The most tokens a procedure name takes: SQL Server's four-part {@code server.db.schema.proc}. */
    static final int MAX_NAME_TOKENS = 7;

    private ValuePositions() {
    }

    static boolean[] of(SqlTokens t) {
        int n = t.count();
        boolean[] value = new boolean[n];
        boolean[] list = new boolean[n + 1];
        int depth = 0;
        boolean closedList = false;
        for (int k = 0; k < n; k++) {
            value[k] = k > 0 && after(t, k - 1, depth > 0 && list[depth - 1]);
            char c = t.type(k) == Type.PUNCT ? t.sql.charAt(t.start(k)) : '\0';
            if (c == '(') {
                list[depth++] = opensList(t, k, closedList);
            } else if (c == ')') {
                closedList = depth > 0 && list[depth - 1];
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (c != ',') {
                closedList = false;
            }
        }
        return value;
    }

    /** True when the token after {@code p} starts a value. */
    private static boolean after(SqlTokens t, int p, boolean inList) {
        Type ty = t.type(p);
        if (ty == Type.OPERATOR) {
            return COMPARE.contains(t.text(p));
        }
        if (ty == Type.WORD) {
            String w = t.lower(p);
            return COMPARE_WORDS.contains(w) || (w.equals("and") && t.lower(p - 2).equals("between"));
        }
        if (ty == Type.PUNCT && inList) {
            char c = t.sql.charAt(t.start(p));
            return c == '(' || c == ',';
        }
        return false;
    }

    /** True when the {@code (} at {@code k} opens a list of values. */
    private static boolean opensList(SqlTokens t, int k, boolean afterValuesRow) {
        String before = t.lower(k - 1);
        if (before.equals("in") || before.equals("values") || before.equals("value")) {
            return true;
        }
        if (before.equals(",")) {
            return afterValuesRow;
        }
        int p = k - 1;
        int name = 0;
        while (p >= 0 && name < MAX_NAME_TOKENS && (SqlSpanJudge.namePart(t, p) || t.text(p).equals("."))) {
            p--;
            name++;
        }
        if (name == 0 || p < 0) {
            return false;
        }
        return t.lower(p).equals("call") || (t.type(p) == Type.ESCAPE_OPEN && t.lower(p).endsWith("call"));
    }
}
