package dev.pincer.correlator.sql;

import dev.pincer.correlator.sql.SqlTokens.Type;

/**
 * How many statements a tokenized query holds, and whether a reading of it is well formed, read
 * off {@link SqlTokens} in one pass: linear in the tokens, which {@link SqlTokenizer#MAX_TOKENS}
 * bounds. This replaces JSqlParser as the analyzer's second opinion on the verdict path: a full
 * parser's worst case (nested parentheses, long boolean chains, ambiguous lookahead) is not
 * bounded by anything we can state, and one crafted query kept it busy for minutes.
 *
 * <p>A statement is a maximal run of tokens other than comments between {@code ;} separators, so
 * {@code SELECT 1; DROP TABLE t} is 2, {@code SELECT 1;} is 1 and {@code ;;} is 0. A reading is
 * well formed when its parentheses balance, its JDBC escapes are closed, and no backslash stands
 * outside a literal (which no
 * dialect accepts): {@code WHERE a = 'x\' OR b = 1} is well formed read with backslash escapes
 * only if the rest balances.
 */
final class StatementCount {
    private StatementCount() {
    }

    /** The number of statements in {@code t}. */
    static int count(SqlTokens t) {
        int statements = 0;
        boolean open = false;
        for (int k = 0; k < t.count(); k++) {
            if (t.isComment(k)) {
                continue;
            }
            if (t.type(k) == Type.PUNCT && t.sql.charAt(t.start(k)) == ';') {
                open = false;
            } else if (!open) {
                open = true;
                statements++;
            }
        }
        return statements;
    }

    /** The number of statements {@code sql} holds under the given reading. */
    static int count(String sql, SqlQuoting quoting) {
        return count(SqlTokenizer.tokenize(sql, quoting));
    }

    /**
     * True when {@code t} is terminated, its parentheses balance, every JDBC escape it opens is
     * closed, and no backslash is outside a literal.
     */
    static boolean wellFormed(SqlTokens t) {
        if (t.unterminated() >= 0) {
            return false;
        }
        int depth = 0;
        int escapes = 0;
        for (int k = 0; k < t.count(); k++) {
            Type ty = t.type(k);
            if (ty == Type.OTHER && t.sql.charAt(t.start(k)) == '\\') {
                return false;
            }
            escapes += ty == Type.ESCAPE_OPEN ? 1 : ty == Type.ESCAPE_CLOSE ? -1 : 0;
            if (ty == Type.PUNCT) {
                char c = t.sql.charAt(t.start(k));
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0 && escapes == 0;
    }
}
