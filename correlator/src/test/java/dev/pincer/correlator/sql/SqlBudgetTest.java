package dev.pincer.correlator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import org.junit.jupiter.api.Test;

/**
 * The SQL token budget at its limit and at limit + 1, and the shapes that made JSqlParser take
 * hundreds of milliseconds or minutes (deep parentheses, long boolean chains, many statements):
 * the statement count and the reading check are one pass over the tokens, so their cost is the
 * token count, asserted here, not a time.
 */
class SqlBudgetTest {
    @Test
    void tokensAtTheBudgetAreReadAndOneMoreIsALimit() {
        int pairs = SqlTokenizer.MAX_TOKENS / 2;
        assertEquals(SqlTokenizer.MAX_TOKENS, SqlTokenizer.tokenize("1,".repeat(pairs), false).count());
        AnalysisLimitException e = assertThrows(AnalysisLimitException.class,
                () -> SqlTokenizer.tokenize("1,".repeat(pairs) + "1", false));
        assertEquals(SqlTokenizer.BUDGET, e.budget());
    }

    @Test
    void shapesThatStalledAFullParserAreOnePass() {
        String deep = "SELECT " + "(".repeat(8_000) + "1" + ")".repeat(8_000);
        SqlTokens t = SqlTokenizer.tokenize(deep, false);
        assertEquals(16_002, t.count());
        assertEquals(1, StatementCount.count(t));
        assertEquals(true, StatementCount.wellFormed(t));
        String chain = "SELECT * FROM t WHERE " + "a = 1 OR NOT (b = 2 AND c LIKE 'x') OR ".repeat(1_000) + "1=1";
        assertEquals(1, StatementCount.count(SqlTokenizer.tokenize(chain, false)));
        String many = "SELECT 1;".repeat(5_000);
        assertEquals(5_000, StatementCount.count(SqlTokenizer.tokenize(many, false)));
        String unbalanced = "SELECT " + "(".repeat(1_000) + "1";
        assertEquals(false, StatementCount.wellFormed(SqlTokenizer.tokenize(unbalanced, false)));
    }
}
