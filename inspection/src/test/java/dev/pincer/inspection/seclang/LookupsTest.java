package dev.pincer.inspection.seclang;

import static dev.pincer.inspection.seclang.EngineTest.engine;
import static dev.pincer.inspection.seclang.EngineTest.ids;
import static dev.pincer.inspection.seclang.EngineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What CRS 3.3 asks of the engine beyond CRS v4, rule by rule: {@code @geoLookup} and the GEO
 * collection (no database: no match, GEO empty), {@code @rbl} (no DNS: the transaction is
 * incomplete, never a silent "not listed"), DURATION, and a backtracking {@code @rx} that runs
 * out of its work bound (incomplete too).
 */
class LookupsTest {

    /** 910100's chain: without a GeoIP database the lookup fails and GEO stays empty, as in v3 without SecGeoLookupDb. */
    @Test
    void geoLookupDoesNotMatchAndGeoStaysEmpty() {
        SecLangEngine e = engine("""
                SecRule REMOTE_ADDR "@geoLookup" "id:1,phase:1,pass,chain"
                  SecRule GEO:COUNTRY_CODE "@within CN RU" "setvar:tx.high_risk=1"
                SecRule &GEO "@eq 0" "id:2,phase:1,pass"
                SecRule &GEO:COUNTRY_CODE "@eq 0" "id:3,phase:1,pass"
                """);
        RuleTransaction t = run(e, Requests.get("/"));
        assertEquals(List.of(2L, 3L), ids(t));
        assertNull(t.tx().get("high_risk"));
        assertNull(t.incomplete(), "a lookup without a database is an answer in ModSecurity too");
    }

    /** A count of a collection that has nothing is 0, not "no value": {@code &IP:x "@eq 0"} before initcol matches, as in v3. */
    @Test
    void aCountOfAnEmptyOrUnopenedCollectionIsZero() {
        SecLangEngine e = engine("""
                SecRule &IP:reput_block_flag "@eq 0" "id:1,phase:1,pass"
                SecRule &GEO "@eq 0" "id:2,phase:1,pass"
                SecRule &RESPONSE_HEADERS "@eq 0" "id:3,phase:1,pass"
                """);
        assertEquals(List.of(1L, 2L, 3L), ids(run(e, Requests.get("/"))));
    }

    /** Guards fail-safe: an @rbl that is evaluated marks the transaction incomplete, and the other rules still run. */
    @Test
    void anEvaluatedRblMarksTheTransactionIncompleteAndTheRulesGoOn() {
        SecLangEngine e = engine("""
                SecRule REMOTE_ADDR "@rbl dnsbl.httpbl.org" "id:1,phase:1,pass,capture,setvar:tx.listed=1"
                SecRule ARGS "@rx attack" "id:2,phase:1,pass"
                """);
        RuleTransaction t = run(e, Requests.get("/?a=attack"));
        assertEquals("rbl", t.incomplete());
        assertEquals(List.of(2L), ids(t), "@rbl does not match; the next rule ran");
        assertNull(t.tx().get("listed"));
        assertNull(t.interruption());
    }

    /** CRS 3.3's 910130: with no tx.block_*_ip set the @rbl rule is skipped, and the request is judged whole. */
    @Test
    void anRblRuleThatIsSkippedLeavesTheTransactionComplete() {
        SecLangEngine e = engine("""
                SecRule &TX:block_spammer_ip "@eq 0" "id:1,phase:1,pass,nolog,skipAfter:END-RBL"
                SecRule REMOTE_ADDR "@rbl dnsbl.httpbl.org" "id:2,phase:1,pass"
                SecMarker END-RBL
                """);
        assertNull(run(e, Requests.get("/")).incomplete());
    }

    @Test
    void durationIsTheTransactionsTimeInSecondsWithSixDecimals() {
        assertEquals("0.000000", RuleTransaction.duration(0));
        assertEquals("1.234567", RuleTransaction.duration(1_234_567_890L));
        assertEquals("0.000000", RuleTransaction.duration(-5), "a clock that went back is no negative duration");
        SecLangEngine e = engine("""
                SecRule DURATION "@rx ^[0-9]+\\.([0-9]{6})$" "id:1,phase:1,pass,capture,setvar:tx.micros=%{TX.1}"
                """);
        RuleTransaction t = run(e, Requests.get("/"));
        assertEquals(List.of(1L), ids(t));
        assertEquals(6, t.tx().get("micros").length());
    }

    /**
     * Guards fail-safe: an {@code @rx} whose macros expand to a pattern that does not compile
     * (here from a TX value the request set) cannot judge the value: the transaction is incomplete,
     * never a silent "no match". A pattern that compiles is judged as usual.
     */
    @Test
    void aMacroPatternThatDoesNotCompileMarksTheTransactionIncomplete() {
        SecLangEngine e = engine("""
                SecRule ARGS:p "@rx ^.*$" "id:1,phase:1,pass,capture,setvar:tx.pat=%{TX.0}"
                SecRule ARGS:q "@rx %{tx.pat}" "id:2,phase:1,pass"
                """);
        RuleTransaction broken = run(e, Requests.get("/?p=(unclosed&q=x"));
        assertEquals("regex_pattern", broken.incomplete());
        assertEquals(List.of(1L), ids(broken));
        RuleTransaction fine = run(e, Requests.get("/?p=ab&q=xaby"));
        assertNull(fine.incomplete());
        assertEquals(List.of(1L, 2L), ids(fine));
    }

    /** Guards bounded work: a backtracking pattern past its bound is an incomplete transaction, not a "no match". */
    @Test
    void aBacktrackingRegexThatGivesUpMarksTheTransactionIncomplete() {
        SecLangEngine e = engine("""
                SecRule ARGS "@rx ^(a+)+\\1b" "id:1,phase:1,pass"
                SecRule ARGS "@rx <\\?(?!xml)" "id:2,phase:1,pass"
                """);
        RuleTransaction hard = run(e, Requests.get("/?a=" + "a".repeat(40) + "cb"));
        assertEquals("regex", hard.incomplete());
        assertEquals(List.of(), ids(hard));
        RuleTransaction php = run(e, Requests.get("/?a=%3C%3Fphp"));
        assertEquals(List.of(2L), ids(php));
        assertNull(php.incomplete());
        assertTrue(run(e, Requests.get("/?a=%3C%3Fxml")).matches().isEmpty());
    }
}
