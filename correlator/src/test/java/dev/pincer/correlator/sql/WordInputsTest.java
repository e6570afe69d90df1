package dev.pincer.correlator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Word inputs at their limits: the longest word judged ({@link WordInputs#MAX_WORD}) and one more;
 * a word occurring more often than the substring search keeps ({@link Occurrences#MAX_HITS_PER_FORM})
 * is still found by the token scan; a query over the token budget in which a word input occurs
 * as a word is a limit, not a pass.
 */
class WordInputsTest {
    private final SqlInjectionAnalyzer analyzer = new SqlInjectionAnalyzer();

    private Finding analyze(String value, String sql) {
        RequestInputs in = new RequestInputs(List.of(Input.plain(InputSource.QUERY, "v", value)), null, false);
        return analyzer.analyze(new SinkCall("c", SinkKind.SQL, List.of(sql), Map.of(), ""), in);
    }

    @Test
    void theLongestIdentifierIsJudgedAndOneLongerIsNot() {
        String longest = "c".repeat(WordInputs.MAX_WORD);
        assertNotNull(analyze(longest, "SELECT * FROM t WHERE id = " + longest));
        String tooLong = "c".repeat(WordInputs.MAX_WORD + 1);
        assertNull(analyze(tooLong, "SELECT * FROM t WHERE id = " + tooLong));
    }

    @Test
    void aWordRepeatedPastTheSearchBudgetIsStillFoundByToken() {
        String noise = "'a', ".repeat(Occurrences.MAX_HITS_PER_FORM + 1);
        Finding f = analyze("a", "SELECT * FROM t WHERE k IN (" + noise + "'z') AND b = a");
        assertNotNull(f);
        assertTrue(f.reason().contains("where a value belongs"), f.reason());
        assertNull(analyze("a", "SELECT * FROM t WHERE k IN (" + noise + "'z') AND b = 'a'"));
    }

    @Test
    void aWordInAQueryOverTheTokenBudgetIsALimit() {
        String big = "SELECT * FROM t WHERE k IN (" + "1,".repeat(SqlTokenizer.MAX_TOKENS / 2) + "1) AND name = bob";
        AnalysisLimitException e = assertThrows(AnalysisLimitException.class, () -> analyze("bob", big));
        assertEquals(SqlTokenizer.BUDGET, e.budget());
        assertNull(analyze("bobby", big.replace("name = bob", "name = 'x'")), "a word that does not occur is no limit");
    }

    @Test
    void theFindingNamesTheValueAndItsComparison() {
        Finding f = analyze("id", "SELECT id, name FROM users WHERE id = id");
        assertNotNull(f);
        assertEquals(List.of("=", "id"), f.evidence());
        assertEquals("input puts an identifier or keyword where a value belongs: id", f.reason());
    }
}
