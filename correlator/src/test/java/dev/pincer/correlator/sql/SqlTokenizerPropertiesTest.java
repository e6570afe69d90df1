package dev.pincer.correlator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties every reading keeps on random text made of the characters the prefixed literals, q-quotes
 * and JDBC escapes react to: tokens are in order, do not overlap, cover every non-blank character,
 * and a delimited token's content lies inside it; value positions are computed for any token
 * sequence. Seeded, so a failure reproduces. Also the procedure-name limit of value lists at its
 * limit and one part more.
 */
class SqlTokenizerPropertiesTest {
    private static final String ALPHABET = "xXbBnNeEuUqQ&'\"`\\[]{}()<>!?=,.01aF \t\n$#-/*;@+call fn d ts oj ";

    @Test
    void everyReadingCoversTheTextInOrder() {
        Random r = new Random(20261202L);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(40); k > 0; k--) {
                b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            String s = b.toString();
            for (SqlQuoting q : SqlQuoting.values()) {
                check(s, q, SqlTokenizer.tokenize(s, q));
            }
        }
    }

    private static void check(String s, SqlQuoting q, SqlTokens t) {
        int pos = 0;
        for (int k = 0; k < t.count(); k++) {
            for (int c = pos; c < t.start(k); c++) {
                assertTrue(SqlTokenizer.isSpace(s.charAt(c)), () -> q + " leaves a character out: " + s);
            }
            assertTrue(t.start(k) >= pos && t.end(k) > t.start(k), () -> q + " overlapping or empty token: " + s);
            assertTrue(t.contentStart(k) >= t.start(k) && t.contentEnd(k) <= t.end(k)
                    && t.contentStart(k) <= t.contentEnd(k), () -> q + " content outside its token: " + s);
            t.valuePosition(k);
            pos = t.end(k);
        }
        for (int c = pos; c < s.length(); c++) {
            assertTrue(SqlTokenizer.isSpace(s.charAt(c)), () -> q + " leaves the tail out: " + s);
        }
    }

    @Test
    void aProcedureNameOfFourPartsOpensAValueListAndFiveDoNot() {
        assertEquals(7, ValuePositions.MAX_NAME_TOKENS);
        Finding four = analyze("{call srv.db.dbo.find_user(name)}");
        assertTrue(four != null && four.reason().contains("where a value belongs"), String.valueOf(four));
        assertNull(analyze("{call a.srv.db.dbo.find_user(name)}"), "no dialect has five-part names");
    }

    private static Finding analyze(String sql) {
        RequestInputs in = new RequestInputs(List.of(Input.plain(InputSource.QUERY, "q", "name")), null, false);
        return new SqlInjectionAnalyzer().analyze(new SinkCall("c", SinkKind.SQL, List.of(sql), Map.of(), ""), in);
    }
}
