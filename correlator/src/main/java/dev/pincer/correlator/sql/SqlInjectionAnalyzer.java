package dev.pincer.correlator.sql;

import dev.pincer.correlator.analyzer.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.internal.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL injection: a request input that occurs in the query text and is not confined to a single
 * literal token ({@link SqlSpanJudge} says what confined means). Inputs bound as parameters do not
 * occur in the text (the sensor sends it with {@code ?}) and so are never findings. Plain words and
 * numbers ({@code 42}, {@code name}) cannot break out of anything and are not even searched for;
 * single characters are searched only for {@code ' " \ `}, and count only when the query is left
 * with an unterminated literal.
 *
 * <p>Example: input {@code id=1 or 1=1} in {@code SELECT * FROM users WHERE id = 1 or 1=1} is a
 * finding ("input spans 5 SQL tokens", evidence {@code [1, or, 1, =, 1]}); input
 * {@code name=O'Brien} in {@code ... WHERE name = 'O''Brien'} is not.
 */
public final class SqlInjectionAnalyzer implements SinkAnalyzer {
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard()
            .withSingleChars("'\"\\`")
            .withFilter(SqlInjectionAnalyzer::mayBreakOut);
    /** Tokens shown as evidence; the reason gives the full count. */
    private static final int MAX_EVIDENCE = 24;

    @Override
    public SinkKind kind() {
        return SinkKind.SQL;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String sql = call.arg(0);
        Occurrences.Result found = Occurrences.find(sql, inputs, OPTIONS);
        List<Hit> hits = found.hits();
        if (hits.isEmpty()) {
            found.requireComplete();
            return null;
        }
        SqlReadings readings = new SqlReadings(sql);
        for (Hit h : Attribution.strongestFirst(hits)) {
            SqlReadings.Judged j = readings.judge(h.start(), h.end(), h.single());
            if (j != null) {
                return finding(sql, h, j);
            }
        }
        found.requireComplete();
        return null;
    }

    private static Finding finding(String sql, Hit h, SqlReadings.Judged j) {
        SqlTokens t = j.tokens();
        int a = j.breakout().firstToken();
        int b = Math.max(a, j.breakout().lastToken());
        List<String> evidence = new ArrayList<>();
        boolean semicolon = false;
        for (int k = a; k <= b && k < t.count() && evidence.size() < MAX_EVIDENCE; k++) {
            evidence.add(t.text(k));
            semicolon |= t.text(k).equals(";");
        }
        String reason = j.breakout().reason();
        if (semicolon) {
            reason += statements(sql, h, j.backslashEscapes());
        }
        return new Finding(AttackClass.SQL_INJECTION, h.input(), Evidence.clip(evidence), reason);
    }

    /** The second opinion on a {@code ;}: how many statements with and without the input. */
    private static String statements(String sql, Hit h, boolean backslash) {
        int with = StatementCount.count(sql, backslash);
        int without = StatementCount.count(sql.substring(0, h.start()) + "0" + sql.substring(h.end()), backslash);
        if (with > without && without > 0) {
            return "; it adds " + (with - without) + " statement(s) (" + without + " -> " + with + ")";
        }
        return with > 1 ? "; the query holds " + with + " statements" : "";
    }

    /** A form made only of letters, digits and {@code _} is one word or number wherever it lands. */
    static boolean mayBreakOut(String form) {
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return true;
            }
        }
        return false;
    }
}
