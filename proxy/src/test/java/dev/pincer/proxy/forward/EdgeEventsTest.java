package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.verdict.AttackClass;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge event's shape: one JSON object, hostile text escaped, long text cut. */
class EdgeEventsTest {
    private static final Instant TS = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void aBlockNamesTheControlClassRuleAndStatus() {
        Outcome o = Outcome.block(403, new Finding("ip_filter", AttackClass.ACCESS, null, "203.0.113.7 \"denied\"\n", 0));
        assertEquals("{\"ts\":\"2026-01-02T03:04:05Z\",\"event\":\"edge_finding\",\"action\":\"block\","
                + "\"control\":\"ip_filter\",\"attack_class\":\"access\",\"rule_id\":null,"
                + "\"message\":\"203.0.113.7 \\\"denied\\\"\\n\",\"rule_ids\":[],\"request_id\":\"r1\","
                + "\"client_ip\":\"203.0.113.7\",\"method\":\"GET\",\"path\":\"/admin\",\"status\":403}",
                EdgeEvents.json(TS, o, "r1", "203.0.113.7", "GET", "/admin"));
    }

    /** Neither an observed block (monitor) nor a cut response claims a status the client was not sent. */
    @Test
    void monitorAndCutSayWhatHappenedAndHaveNoStatus() {
        Outcome o = Outcome.block(403, new Finding("ip_filter", AttackClass.ACCESS, null, "denied", 0));
        for (String action : new String[] {"monitor", "cut"}) {
            String line = EdgeEvents.json(TS, o, action, "r", "::1", "GET", "/");
            assertEquals(true, line.contains("\"action\":\"" + action + "\""), line);
            assertEquals(true, line.endsWith("\"status\":null}"), line);
        }
    }

    @Test
    void aSuspectListsEveryRuleIdAndHasNoStatus() {
        Outcome o = Outcome.suspect(List.of(
                new Finding("rules", AttackClass.SQL_INJECTION, "942100", "sqli", 5),
                new Finding("rules", AttackClass.SQL_INJECTION, "942200", "sqli", 5)));
        String line = EdgeEvents.json(TS, o, "r", "::1", "POST", "/p");
        assertEquals(true, line.contains("\"action\":\"suspect\""), line);
        assertEquals(true, line.contains("\"rule_ids\":[\"942100\",\"942200\"]"), line);
        assertEquals(true, line.endsWith("\"status\":null}"), line);
    }

    @Test
    void aLongPathIsCut() {
        Outcome o = Outcome.block(403, new Finding("x", AttackClass.SCANNER, "1", "m", 0));
        String line = EdgeEvents.json(TS, o, "r", "::1", "GET", "/" + "a".repeat(2000));
        assertEquals(true, line.contains("\"path\":\"/" + "a".repeat(511) + "...\""), line);
    }
}
