package dev.pincer.correlator.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The ways to read a query's string literals ({@link SqlQuoting}). A backslash inside a literal
 * escapes the next character in MySQL but not in standard SQL (PostgreSQL, SQL Server, H2...);
 * PostgreSQL alone knows {@code E'..'}, PostgreSQL and H2 {@code U&'..'}, Oracle {@code q'[...]'};
 * the sensor does not say which database it is. Every query has the standard reading; one with
 * {@code E'} or {@code U&'} also the PostgreSQL one, one with a backslash the MySQL one, one with
 * {@code q'} the Oracle one. A reading that leaves a literal unterminated is dropped when another does not. When
 * the readings left disagree about an occurrence, the readings that are well formed
 * ({@link StatementCount#wellFormed}: balanced parentheses and JDBC escapes, no backslash outside a
 * literal) decide: confined only if all of them say so; when none is well formed, the break-out
 * stands. Each reading is one linear tokenizer pass, bounded by {@link SqlTokenizer#MAX_TOKENS};
 * nothing here can take longer than four of them.
 *
 * <p>Example: {@code WHERE p = 'C:\' AND q = 'x'} is complete in standard SQL only, so the standard
 * reading is used and {@code C:\} is confined to its literal.
 */
final class SqlReadings {
    private final List<SqlTokens> readings;
    private final List<SqlQuoting> quotings;
    private boolean[] wellFormed;
    /** Test seam: how many times a disagreement between readings was settled, in this JVM. */
    static final AtomicLong TIE_BREAKS = new AtomicLong();
    /** Test seam: how many queries were read more than one way, in this JVM. */
    static final AtomicLong TWO_READINGS = new AtomicLong();

    SqlReadings(String sql) {
        List<SqlQuoting> ways = new ArrayList<>(4);
        ways.add(SqlQuoting.STANDARD);
        int prefixes = PrefixedLiterals.prefixesBeforeQuotes(sql);
        if ((prefixes & PrefixedLiterals.POSTGRES) != 0) {
            ways.add(SqlQuoting.POSTGRES);
        }
        if (sql.indexOf('\\') >= 0) {
            ways.add(SqlQuoting.BACKSLASH);
        }
        if ((prefixes & PrefixedLiterals.ORACLE) != 0) {
            ways.add(SqlQuoting.ORACLE);
        }
        List<SqlTokens> all = new ArrayList<>(ways.size());
        for (SqlQuoting q : ways) {
            all.add(SqlTokenizer.tokenize(sql, q));
        }
        boolean anyComplete = all.stream().anyMatch(t -> t.unterminated() < 0);
        this.readings = new ArrayList<>(ways.size());
        this.quotings = new ArrayList<>(ways.size());
        for (int i = 0; i < all.size(); i++) {
            if (!anyComplete || all.get(i).unterminated() < 0) {
                readings.add(all.get(i));
                quotings.add(ways.get(i));
            }
        }
        if (readings.size() > 1) {
            TWO_READINGS.incrementAndGet();
        }
    }

    /** A verdict and the tokens it refers to. */
    record Judged(SqlSpanJudge.Breakout breakout, SqlTokens tokens, SqlQuoting quoting) {
    }

    /** The break-out of occurrence {@code [s, e)} under the readings that apply, or null. */
    Judged judge(int s, int e, boolean single) {
        return combine(t -> SqlSpanJudge.judge(t, s, e, single));
    }

    /** The break-out of a word input occurring as the token {@code [s, e)} ({@link IdentifierValueRule}), or null. */
    Judged judgeWord(int s, int e) {
        return combine(t -> IdentifierValueRule.word(t, s, e));
    }

    private Judged combine(Function<SqlTokens, SqlSpanJudge.Breakout> judge) {
        int n = readings.size();
        SqlSpanJudge.Breakout[] verdicts = new SqlSpanJudge.Breakout[n];
        int breakouts = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            verdicts[i] = judge.apply(readings.get(i));
            if (verdicts[i] != null) {
                breakouts++;
                last = i;
            }
        }
        if (breakouts == 0) {
            return null;
        }
        if (breakouts == n) {
            return judged(verdicts, last);
        }
        boolean[] formed = wellFormed();
        int formedCount = 0;
        for (int i = 0; i < n; i++) {
            if (formed[i]) {
                formedCount++;
                if (verdicts[i] != null) {
                    return judged(verdicts, i);
                }
            }
        }
        return formedCount == 0 ? judged(verdicts, last) : null;
    }

    private Judged judged(SqlSpanJudge.Breakout[] verdicts, int i) {
        return new Judged(verdicts[i], readings.get(i), quotings.get(i));
    }

    private boolean[] wellFormed() {
        if (wellFormed == null) {
            TIE_BREAKS.incrementAndGet();
            wellFormed = new boolean[readings.size()];
            for (int i = 0; i < wellFormed.length; i++) {
                wellFormed[i] = StatementCount.wellFormed(readings.get(i));
            }
        }
        return wellFormed;
    }

    /** The readings kept, standard first. */
    List<SqlTokens> tokens() {
        return readings;
    }

    /** True when the query was read more than one way. */
    boolean twoReadings() {
        return readings.size() > 1;
    }
}
