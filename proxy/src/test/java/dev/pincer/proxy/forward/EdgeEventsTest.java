package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.transaction.AnomalyScore;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.verdict.AttackClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge event's shape: one JSON object, hostile text escaped, long text cut, lists bounded. */
class EdgeEventsTest {
    private static final Instant TS = Instant.parse("2026-01-02T03:04:05Z");
    private static final EdgeEvents.Request ADMIN = new EdgeEvents.Request("r1", "203.0.113.7", "GET", "/admin");

    @Test
    void aBlockNamesTheControlClassRuleAndStatus() {
        Outcome o = Outcome.block(403, new Finding("ip_filter", AttackClass.ACCESS, null, "203.0.113.7 \"denied\"\n", 0));
        assertEquals("{\"ts\":\"2026-01-02T03:04:05Z\",\"event\":\"edge_finding\",\"action\":\"block\",\"outcome\":null,"
                + "\"control\":\"ip_filter\",\"attack_class\":\"access\",\"rule_id\":null,"
                + "\"message\":\"203.0.113.7 \\\"denied\\\"\\n\",\"rule_ids\":[],"
                + "\"findings\":[{\"control\":\"ip_filter\",\"attack_class\":\"access\",\"rule_id\":null,"
                + "\"message\":\"203.0.113.7 \\\"denied\\\"\\n\",\"tags\":[],\"variable\":null,\"data\":null,\"score\":0}],"
                + "\"anomaly_score\":null,\"request_id\":\"r1\","
                + "\"client_ip\":\"203.0.113.7\",\"method\":\"GET\",\"path\":\"/admin\",\"status\":403}",
                EdgeEvents.json(TS, "block", null, o.findings(), null, ADMIN, 403));
    }

    /** A rule finding carries its tags, the matched variable and data, and the engine's totals. */
    @Test
    void aRuleFindingCarriesTagsMatchedDataAndTheScore() {
        Finding f = new Finding("rules", AttackClass.SQL_INJECTION, "942100", "SQL Injection Attack Detected via libinjection",
                5, List.of("attack-sqli", "paranoia-level/1"), "ARGS:id", "1' or '1'='1");
        String line = EdgeEvents.json(TS, "block", null, List.of(f), new AnomalyScore(10, 0), ADMIN, 403);
        assertTrue(line.contains("\"tags\":[\"attack-sqli\",\"paranoia-level/1\"],\"variable\":\"ARGS:id\","
                + "\"data\":\"1' or '1'='1\",\"score\":5}"), line);
        assertTrue(line.contains("\"anomaly_score\":{\"inbound\":10,\"outbound\":0}"), line);
    }

    /** Neither an observed block (monitor) nor a cut response claims a status the client was not sent. */
    @Test
    void monitorAndCutSayWhatHappenedAndHaveNoStatus() {
        Outcome o = Outcome.block(403, new Finding("ip_filter", AttackClass.ACCESS, null, "denied", 0));
        for (String action : new String[] {"monitor", "cut"}) {
            String line = EdgeEvents.json(TS, action, null, o.findings(), null, ADMIN, null);
            assertTrue(line.contains("\"action\":\"" + action + "\""), line);
            assertTrue(line.endsWith("\"status\":null}"), line);
        }
    }

    @Test
    void aSuspectListsEveryRuleIdAndWhatBecameOfIt() {
        List<Finding> fs = List.of(
                new Finding("rules", AttackClass.SQL_INJECTION, "942100", "sqli", 5),
                new Finding("rules", AttackClass.SQL_INJECTION, "942200", "sqli", 5));
        String line = EdgeEvents.json(TS, "suspect", "cleared", fs, new AnomalyScore(10, 0), ADMIN, 200);
        assertTrue(line.contains("\"action\":\"suspect\",\"outcome\":\"cleared\""), line);
        assertTrue(line.contains("\"rule_ids\":[\"942100\",\"942200\"]"), line);
        assertTrue(line.endsWith("\"status\":200}"), line);
    }

    @Test
    void aLongPathAndLongMatchedDataAreCut() {
        Finding f = new Finding("rules", AttackClass.XSS, "941100", "m", 5, List.of(), "ARGS:q", "x".repeat(5000));
        String line = EdgeEvents.json(TS, "block", null, List.of(f), null,
                new EdgeEvents.Request("r", "::1", "GET", "/" + "a".repeat(2000)), 403);
        assertTrue(line.contains("\"path\":\"/" + "a".repeat(511) + "...\""), line);
        assertTrue(line.contains("\"data\":\"" + "x".repeat(256) + "...\""), line);
    }

    /** At most {@link EdgeEvents#MAX_FINDINGS} findings are listed, and the rest counted: limit + 1. */
    @Test
    void findingsPastTheLimitAreCountedNotListed() {
        List<Finding> fs = new ArrayList<>();
        for (int i = 0; i < EdgeEvents.MAX_FINDINGS; i++) {
            fs.add(new Finding("rules", AttackClass.XSS, Integer.toString(i), "m", 5));
        }
        String atLimit = EdgeEvents.json(TS, "block", null, fs, null, ADMIN, 403);
        assertTrue(!atLimit.contains("findings_omitted"), atLimit);
        fs.add(new Finding("rules", AttackClass.XSS, "extra", "m", 5));
        String over = EdgeEvents.json(TS, "block", null, fs, null, ADMIN, 403);
        assertTrue(over.contains("\"findings_omitted\":1"), over);
        assertTrue(over.contains("\"rule_ids\":[") && over.contains("\"extra\"]"), "every rule id stays listed: " + over);
        assertEquals(EdgeEvents.MAX_FINDINGS, over.split("\"score\":5").length - 1);
    }
}
