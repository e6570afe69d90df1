package dev.pincer.correlator.sql;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL injection: a request input that occurs in the query text and is not confined to a single
 * literal token ({@link SqlSpanJudge} says what confined means), read every way the query can be
 * read ({@link SqlReadings}). Inputs bound as parameters do not occur in the text (the sensor sends
 * it with {@code ?}) and so are never findings. Single characters are searched only for
 * {@code ' " \ `}, and count only when the query is left with an unterminated literal.
 *
 * <p>A bare word input (letters, digits, {@code _}, {@code $}, not starting with a digit) cannot
 * break out of anything; it is a finding exactly when it is, as a whole word token, the whole
 * operand in a value position: after a comparison ({@code = <> < > <= >= != <=> LIKE}), after
 * {@code BETWEEN} or its {@code AND}, or an element of an {@code IN (...)}, {@code VALUES (...)} or
 * {@code CALL p(...)} list ({@link ValuePositions}), and it is a name there rather than the start
 * of a longer construct ({@link IdentifierValueRule}): {@code id=id}, {@code NULL}, {@code TRUE},
 * {@code CURRENT_USER}. A number ({@code 42}) there is a literal and fine; a word inside a quoted
 * literal is fine; a word where the app expects an identifier ({@code ORDER BY}, {@code GROUP BY},
 * a column list) is fine. {@code NULL TRUE FALSE UNKNOWN DEFAULT} count only with the input's exact
 * spelling, not all in lower case ({@link WordInputs} says why). The same holds for a non-word input that is one name there
 * ({@code @@version}, {@code users.id}, a backticked identifier).
 *
 * <p>Example: input {@code id=1 or 1=1} in {@code SELECT * FROM users WHERE id = 1 or 1=1} is a
 * finding ("input spans 5 SQL tokens", evidence {@code [1, or, 1, =, 1]}); input
 * {@code name=O'Brien} in {@code ... WHERE name = 'O''Brien'} is not; input {@code id=id} in
 * {@code ... WHERE id = id} is ("input puts an identifier or keyword where a value belongs: id").
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
        boolean words = WordInputs.worthScanning(sql, Occurrences.find(sql, inputs, WordInputs.GATE));
        if (hits.isEmpty() && !words) {
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
        WordInputs.Match m = words ? WordInputs.find(inputs, readings) : null;
        if (m != null) {
            return finding(sql, m.hit(), m.judged());
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
            reason += statements(sql, h, j.quoting());
        }
        return new Finding(AttackClass.SQL_INJECTION, h.input(), Evidence.clip(evidence), reason);
    }

    /** The second opinion on a {@code ;}: how many statements with and without the input. */
    private static String statements(String sql, Hit h, SqlQuoting quoting) {
        int with = StatementCount.count(sql, quoting);
        int without = StatementCount.count(sql.substring(0, h.start()) + "0" + sql.substring(h.end()), quoting);
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
