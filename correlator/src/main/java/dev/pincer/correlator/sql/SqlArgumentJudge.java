package dev.pincer.correlator.sql;

import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.Tautology;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.sql.SqlTokens.Type;
import java.util.Locale;
import java.util.Set;

/**
 * SQL judged by the query alone (see {@link ArgumentJudge}), for what an app's fixed query does not
 * contain: a literal or comment left open; more than one statement; a constant tautology after
 * {@code OR} ({@code OR 1=1}, {@code OR 'a'='a'}, {@code OR 2>1}, {@code OR true}); {@code UNION
 * SELECT} of constants only; a block comment used as a space ({@code UNION/**&#47;SELECT}) or a
 * MySQL executable comment after the start; a trailing line comment that cuts off the rest of the
 * query ({@code 'admin'--' AND pass = ...}); a time-delay function. Query builders' {@code WHERE
 * 1=1 AND ...}, {@code OR 1=0}, hints ({@code /*+ INDEX(t) *&#47;}) and trailing {@code ;} are left
 * alone. One pass over the tokens (bounded by {@link SqlTokenizer#MAX_TOKENS}).
 *
 * <p>Example: {@code SELECT * FROM users WHERE name = 'x' OR '1'='1'} gives "tautology after OR:
 * '1'='1'".
 */
public final class SqlArgumentJudge implements ArgumentJudge {
    private static final Set<String> COMPARE = Set.of("=", "==", "<>", "!=", "<", ">", "<=", ">=", "like");
    private static final Set<String> DELAY = Set.of("sleep", "pg_sleep", "benchmark");
    private static final Set<String> CLAUSE_END = Set.of("and", "or", "order", "group", "limit", "union", "having");

    @Override
    public SinkKind kind() {
        return SinkKind.SQL;
    }

    @Override
    public Finding judge(SinkCall call) {
        String sql = call.arg(0);
        SqlTokens t = SqlTokenizer.tokenize(sql, false);
        if (t.unterminated() >= 0 && sql.indexOf('\\') >= 0) {
            t = SqlTokenizer.tokenize(sql, true);
        }
        String why = why(t);
        return why == null ? null : ArgumentJudge.finding(AttackClass.SQL_INJECTION, why, sql);
    }

    static String why(SqlTokens t) {
        if (t.unterminated() >= 0) {
            return "a literal or comment is left open";
        }
        int statements = StatementCount.count(t);
        if (statements > 1) {
            return "the query holds " + statements + " statements";
        }
        for (int k = 0; k < t.count(); k++) {
            String w = lower(t, k);
            if (t.type(k) == Type.WORD && w.equals("or")) {
                String taut = tautology(t, k + 1);
                if (taut != null) {
                    return "tautology after OR: " + taut;
                }
            } else if (t.type(k) == Type.WORD && w.equals("union") && constantSelect(t, k + 1)) {
                return "UNION SELECT of constants";
            } else if (t.type(k) == Type.COMMENT && asSpace(t, k)) {
                return "a comment used as a space: " + t.text(k);
            } else if (t.type(k) == Type.EXEC_OPEN && k > 0) {
                return "a MySQL executable comment inside the query";
            } else if (t.type(k) == Type.WORD && DELAY.contains(w) && k + 1 < t.count() && t.text(k + 1).equals("(")) {
                return "a time-delay function: " + t.text(k);
            } else if (t.type(k) == Type.WORD && w.equals("waitfor") && k + 1 < t.count() && lower(t, k + 1).equals("delay")) {
                return "a time delay: WAITFOR DELAY";
            }
        }
        return cutOff(t) ? "a trailing line comment cuts off the rest of the query" : null;
    }

    /** {@code const op const} that holds, or {@code TRUE}/a non-zero number on its own, from {@code k}. */
    private static String tautology(SqlTokens t, int k) {
        if (k + 2 < t.count() && constant(t, k) && COMPARE.contains(lower(t, k + 1)) && constant(t, k + 2)
                && (k + 3 >= t.count() || !t.literalish(k + 3) || t.text(k + 3).equals(","))
                && Tautology.isTrue(value(t, k), t.type(k) == Type.STRING, t.text(k + 1), value(t, k + 2),
                        t.type(k + 2) == Type.STRING)) {
            return t.text(k) + t.text(k + 1) + t.text(k + 2);
        }
        boolean alone = k + 1 >= t.count() || t.isComment(k + 1) || t.text(k + 1).equals(")")
                || t.text(k + 1).equals(";") || CLAUSE_END.contains(lower(t, k + 1));
        if (k < t.count() && alone && (lower(t, k).equals("true")
                || (t.type(k) == Type.NUMBER && !zero(value(t, k))))) {
            return t.text(k);
        }
        return null;
    }

    private static boolean constant(SqlTokens t, int k) {
        return t.type(k) == Type.NUMBER || t.type(k) == Type.STRING;
    }

    private static String value(SqlTokens t, int k) {
        return t.type(k) == Type.STRING ? t.sql.substring(t.contentStart(k), t.contentEnd(k)) : t.text(k);
    }

    /** {@code [ALL|DISTINCT] SELECT} followed by only NULL, numbers, strings and commas. */
    private static boolean constantSelect(SqlTokens t, int k) {
        if (k < t.count() && (lower(t, k).equals("all") || lower(t, k).equals("distinct"))) {
            k++;
        }
        if (k >= t.count() || !lower(t, k).equals("select")) {
            return false;
        }
        int items = 0;
        for (k++; k < t.count() && !t.isComment(k) && !lower(t, k).equals("from") && !t.text(k).equals(";"); k++) {
            if (!(t.literalish(k) || lower(t, k).equals("null"))) {
                return false;
            }
            items++;
        }
        return items > 0;
    }

    /** A block comment touching a word, number or string on both sides: {@code UNION/**&#47;SELECT}. */
    private static boolean asSpace(SqlTokens t, int k) {
        if (k == 0 || k + 1 >= t.count() || !t.text(k).startsWith("/*")) {
            return false;
        }
        return t.end(k - 1) == t.start(k) && t.end(k) == t.start(k + 1) && word(t, k - 1) && word(t, k + 1);
    }

    private static boolean word(SqlTokens t, int k) {
        Type ty = t.type(k);
        return ty == Type.WORD || ty == Type.NUMBER || ty == Type.STRING;
    }

    /** The last token is a line comment that touches the code before it or holds quotes or code. */
    private static boolean cutOff(SqlTokens t) {
        int k = t.count() - 1;
        if (k < 1 || t.type(k) != Type.COMMENT || t.text(k).startsWith("/*") || t.end(k) != t.sql.length()) {
            return false;
        }
        String body = t.sql.substring(t.contentStart(k), t.contentEnd(k));
        boolean touches = t.end(k - 1) == t.start(k) && !t.isComment(k - 1);
        return touches || body.indexOf('\'') >= 0 || body.indexOf('"') >= 0
                || hasKeyword(body);
    }

    private static boolean zero(String number) {
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) != '0' && number.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }

    /** A cut-off query's rest: the words {@code and or where select} in the comment. */
    private static boolean hasKeyword(String body) {
        SqlTokens words = SqlTokenizer.tokenize(body, false);
        for (int k = 0; k < words.count(); k++) {
            if (words.type(k) == Type.WORD && Set.of("and", "or", "where", "select").contains(lower(words, k))) {
                return true;
            }
        }
        return false;
    }

    private static String lower(SqlTokens t, int k) {
        return k < t.count() ? t.text(k).toLowerCase(Locale.ROOT) : "";
    }
}
