package dev.pincer.correlator.sql;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one or two ways to read a query's string literals. A backslash inside a literal escapes the
 * next character in MySQL but not in standard SQL (PostgreSQL, SQL Server, H2...), and the sensor
 * does not say which database it is. A query without backslashes has one reading; otherwise both
 * are tokenized, a reading that leaves a literal unterminated is dropped when the other does not,
 * and when the two still disagree about an occurrence the reading that is well formed
 * ({@link StatementCount#wellFormed}: balanced parentheses, no backslash outside a literal) breaks
 * the tie; when both or neither are, the break-out stands. Each reading is one linear tokenizer
 * pass, bounded by {@link SqlTokenizer#MAX_TOKENS}; nothing here can take longer than that.
 *
 * <p>Example: {@code WHERE p = 'C:\' AND q = 'x'} is complete in standard SQL only, so the standard
 * reading is used and {@code C:\} is confined to its literal.
 */
final class SqlReadings {
    private final String sql;
    private final SqlTokens standard;
    private final SqlTokens backslash;
    private Boolean preferBackslash;
    private boolean asked;
    /** Test seam: how many times a tie between the readings was broken, in this JVM. */
    static final AtomicLong TIE_BREAKS = new AtomicLong();
    /** Test seam: how many queries were read both ways, in this JVM. */
    static final AtomicLong TWO_READINGS = new AtomicLong();

    SqlReadings(String sql) {
        this.sql = sql;
        SqlTokens std = SqlTokenizer.tokenize(sql, false);
        SqlTokens bs = sql.indexOf('\\') >= 0 ? SqlTokenizer.tokenize(sql, true) : null;
        if (bs != null && bs.unterminated() >= 0 && std.unterminated() < 0) {
            bs = null;
        } else if (bs != null && std.unterminated() >= 0 && bs.unterminated() < 0) {
            std = bs;
            bs = null;
        }
        this.standard = std;
        this.backslash = bs;
        if (bs != null) {
            TWO_READINGS.incrementAndGet();
        }
    }

    /** A verdict and the tokens it refers to. */
    record Judged(SqlSpanJudge.Breakout breakout, SqlTokens tokens, boolean backslashEscapes) {
    }

    /** The break-out of occurrence {@code [s, e)} under the reading that applies, or null. */
    Judged judge(int s, int e, boolean single) {
        SqlSpanJudge.Breakout std = SqlSpanJudge.judge(standard, s, e, single);
        if (backslash == null) {
            return std == null ? null : new Judged(std, standard, false);
        }
        SqlSpanJudge.Breakout bs = SqlSpanJudge.judge(backslash, s, e, single);
        if (std == null && bs == null) {
            return null;
        }
        if (std != null && bs != null) {
            return new Judged(bs, backslash, true);
        }
        Boolean prefer = preferBackslash();
        if (prefer == null) {
            return bs != null ? new Judged(bs, backslash, true) : new Judged(std, standard, false);
        }
        if (prefer) {
            return bs == null ? null : new Judged(bs, backslash, true);
        }
        return std == null ? null : new Judged(std, standard, false);
    }

    /** True: only the MySQL reading is well formed; false: only the standard one; null: cannot tell. */
    private Boolean preferBackslash() {
        if (!asked) {
            asked = true;
            TIE_BREAKS.incrementAndGet();
            boolean withBs = StatementCount.wellFormed(backslash);
            boolean withoutBs = StatementCount.wellFormed(standard);
            preferBackslash = withBs == withoutBs ? null : withBs;
        }
        return preferBackslash;
    }

    /** True when the query was read two ways (it has a backslash and both readings terminate). */
    boolean twoReadings() {
        return backslash != null;
    }
}
