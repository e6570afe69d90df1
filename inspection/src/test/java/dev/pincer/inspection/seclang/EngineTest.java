package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.HttpData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.signatures.action.Disruptive;
import dev.pincer.signatures.lang.RuleFileException;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's evaluation semantics, one ModSecurity rule of behaviour per test. */
class EngineTest {

    static SecLangEngine engine(String rules) {
        return SecLangEngine.create(RuleSetCompiler.compile(RuleFileParser.parse(rules, "test.conf")));
    }

    static RuleTransaction run(SecLangEngine e, HttpData request) {
        RuleTransaction t = e.open(request);
        t.requestHeaders();
        t.requestBody();
        t.logging();
        return t;
    }

    static List<Long> ids(RuleTransaction t) {
        return t.matches().stream().map(m -> m.rule().id()).toList();
    }

    /**
     * REQUEST_BODY holds a JSON body, as in ModSecurity v3 (CRS 934210 reads JSON keys there, and
     * 944xxx Java class names in a raw JSON body), but not an XML one, as in v2 and the CRS suite.
     */
    @Test
    void requestBodyHoldsJsonButNotXml() {
        SecLangEngine e = engine("""
                SecRule REQUEST_HEADERS:Content-Type "@rx xml" "id:3,phase:1,pass,ctl:requestBodyProcessor=XML"
                SecRule REQUEST_BODY "@rx __contained_by\\"\\s*:" "id:1,phase:2,pass"
                SecRule REQUEST_BODY "@rx java\\.lang" "id:2,phase:2,pass"
                """);
        assertEquals(List.of(1L), ids(run(e, Requests.post("/", "application/json", "{\"roles__contained_by\":[\"a\"]}"))));
        assertEquals(List.of(3L), ids(run(e, Requests.post("/", "text/xml", "<a>java.lang.Runtime</a>"))));
    }

    /**
     * Regression (CRS 920400 never fired): REQBODY_PROCESSOR is there from phase 1 on, as in
     * ModSecurity: the processor the Content-Type picks, then what ctl:requestBodyProcessor chose.
     */
    @Test
    void theBodyProcessorIsKnownInPhaseOne() {
        SecLangEngine e = engine("""
                SecRule REQBODY_PROCESSOR "@streq MULTIPART" "id:1,phase:1,pass"
                SecRule REQUEST_HEADERS:Content-Type "@rx json" "id:2,phase:1,pass,ctl:requestBodyProcessor=JSON"
                SecRule REQBODY_PROCESSOR "@streq JSON" "id:3,phase:1,pass"
                """);
        RuleTransaction multipart = e.open(Requests.post("/", "multipart/form-data; boundary=x", "--x--\r\n"));
        multipart.requestHeaders();
        assertEquals(List.of(1L), ids(multipart));
        RuleTransaction json = e.open(Requests.post("/", "application/json", "{}"));
        json.requestHeaders();
        assertEquals(List.of(2L, 3L), ids(json));
    }

    @Test
    void setvarRunsOncePerMatchedValueSoScoresAddUp() {
        SecLangEngine e = engine("""
                SecRule ARGS "@rx attack" "id:1,phase:1,pass,setvar:tx.score=+5"
                SecRule TX:score "@ge 10" "id:2,phase:1,deny,status:403"
                """);
        RuleTransaction one = run(e, Requests.get("/?a=attack&b=fine"));
        assertEquals("5", one.tx().get("score"));
        assertNull(one.interruption());
        RuleTransaction two = run(e, Requests.get("/?a=attack&b=attack"));
        assertEquals("10", two.tx().get("score"));
        assertEquals(Disruptive.DENY, two.interruption().action());
        assertEquals(2, two.interruption().rule().id());
    }

    @Test
    void aHeadsSetvarRunsEvenWhenItsChainFailsButTheRestWaitsForTheWholeChain() {
        SecLangEngine e = engine("""
                SecRule ARGS:a "@rx x" "id:1,phase:1,pass,setvar:tx.head=1,chain"
                  SecRule ARGS:b "@rx y" "setvar:tx.child=1,ctl:ruleRemoveById=2"
                SecRule ARGS "@rx ." "id:2,phase:1,pass"
                """);
        RuleTransaction miss = run(e, Requests.get("/?a=x&b=n"));
        assertEquals("1", miss.tx().get("head"));
        assertNull(miss.tx().get("child"));
        assertEquals(List.of(2L), ids(miss), "the chain did not match, so its ctl did not run");
        RuleTransaction hit = run(e, Requests.get("/?a=x&b=y"));
        assertEquals("1", hit.tx().get("child"));
        assertEquals(List.of(1L), ids(hit), "the ctl removed rule 2");
    }

    @Test
    void captureFeedsChainChildren() {
        SecLangEngine e = engine("""
                SecRule ARGS:a "@rx ^(\\w+)-(\\w+)$" "id:1,phase:1,pass,capture,chain"
                  SecRule TX:2 "@streq %{TX.1}" "setvar:tx.same=1"
                """);
        assertEquals("1", run(e, Requests.get("/?a=ab-ab")).tx().get("same"));
        assertNull(run(e, Requests.get("/?a=ab-cd")).tx().get("same"));
    }

    @Test
    void matchedVarNameSaysArgsNotArgsGet() {
        SecLangEngine e = engine("""
                SecRule ARGS_GET "@rx evil" "id:1,phase:1,pass,msg:'hit %{MATCHED_VAR_NAME}',logdata:'%{MATCHED_VAR}'"
                SecRule ARGS "@rx evil" "id:2,phase:1,pass,msg:'hit %{MATCHED_VAR_NAME}'"
                """);
        RuleTransaction t = run(e, Requests.get("/?q=evil"));
        assertEquals("hit ARGS_GET:q", t.matches().get(0).message());
        assertEquals("evil", t.matches().get(0).logData());
        assertEquals("hit ARGS:q", t.matches().get(1).message());
    }

    @Test
    void skipAfterJumpsToTheMarker() {
        SecLangEngine e = engine("""
                SecRule ARGS:skip "@streq 1" "id:1,phase:1,pass,skipAfter:END"
                SecRule ARGS "@rx ." "id:2,phase:1,pass"
                SecMarker END
                SecRule ARGS "@rx ." "id:3,phase:1,pass"
                """);
        assertEquals(List.of(1L, 3L), ids(run(e, Requests.get("/?skip=1"))));
        assertEquals(List.of(2L, 3L), ids(run(e, Requests.get("/?skip=0"))));
    }

    @Test
    void detectionOnlyRecordsADenyButStopsNothing() {
        SecLangEngine e = engine("""
                SecRuleEngine DetectionOnly
                SecRule ARGS "@rx evil" "id:1,phase:1,deny"
                SecRule ARGS "@rx evil" "id:2,phase:1,pass"
                """);
        RuleTransaction t = run(e, Requests.get("/?q=evil"));
        assertNull(t.interruption());
        assertEquals(List.of(1L, 2L), ids(t));
    }

    @Test
    void aDenyStopsTheRequestPhasesButPhaseFiveRuns() {
        SecLangEngine e = engine("""
                SecRule ARGS "@rx evil" "id:1,phase:1,deny,status:406"
                SecRule ARGS "@rx evil" "id:2,phase:2,pass"
                SecAction "id:3,phase:5,pass,setvar:tx.logged=1"
                """);
        RuleTransaction t = run(e, Requests.get("/?q=evil"));
        assertEquals(406, t.interruption().status());
        assertEquals(List.of(1L, 3L), ids(t));
        assertEquals("1", t.tx().get("logged"));
    }

    @Test
    void exclusionsAndRuntimeTargetRemovals() {
        SecLangEngine e = engine("""
                SecRule ARGS|!ARGS:safe "@rx evil" "id:1,phase:1,pass"
                SecAction "id:2,phase:1,pass,ctl:ruleRemoveTargetById=3;ARGS:skipme"
                SecRule ARGS "@rx evil" "id:3,phase:1,pass"
                """);
        assertEquals(List.of(2L, 3L), ids(run(e, Requests.get("/?safe=evil"))), "ARGS:safe is excluded from rule 1");
        assertEquals(List.of(1L, 2L), ids(run(e, Requests.get("/?skipme=evil"))), "ctl removed ARGS:skipme from rule 3");
        assertEquals(List.of(1L, 2L, 3L), ids(run(e, Requests.get("/?other=evil"))));
    }

    @Test
    void countAndRegexKeys() {
        SecLangEngine e = engine("""
                SecRule &ARGS "@eq 3" "id:1,phase:1,pass"
                SecRule ARGS:/^user_/ "@rx x" "id:2,phase:1,pass"
                SecRule &TX:nothing "@eq 0" "id:3,phase:1,pass"
                """);
        assertEquals(List.of(1L, 2L, 3L), ids(run(e, Requests.get("/?a=1&b=2&User_Name=x"))));
    }

    @Test
    void multiMatchTestsTheOriginalAndEveryChangedForm() {
        SecLangEngine e = engine("""
                SecRule ARGS "@streq a%32" "id:1,phase:1,pass,t:none,t:urlDecode,multiMatch"
                SecRule ARGS "@streq a%32" "id:2,phase:1,pass,t:none,t:urlDecode"
                """);
        // ?x=a%2532 gives ARGS:x = "a%32"; t:urlDecode makes it "a2". Only multiMatch also tests "a%32".
        assertEquals(List.of(1L), ids(run(e, Requests.get("/?x=a%2532"))));
    }

    @Test
    void bodiesAreReadByTheProcessorTheRulesChoose() {
        SecLangEngine e = engine("""
                SecRule REQUEST_HEADERS:Content-Type "^application/json" "id:10,phase:1,pass,nolog,t:lowercase,ctl:requestBodyProcessor=JSON"
                SecRule ARGS:json.user.name "@streq bob" "id:1,phase:2,pass"
                SecRule ARGS_POST:a "@streq 1 2" "id:2,phase:2,pass"
                SecRule REQBODY_ERROR "!@eq 0" "id:3,phase:2,deny,status:400"
                """);
        assertEquals(List.of(10L, 1L), ids(run(e, Requests.post("/", "application/json", "{\"user\":{\"name\":\"bob\"}}"))));
        assertEquals(List.of(2L), ids(run(e, Requests.post("/", "application/x-www-form-urlencoded", "a=1+2"))));
        RuleTransaction bad = run(e, Requests.post("/", "application/json", "{\"user\":"));
        assertEquals(400, bad.interruption().status());
    }

    @Test
    void theWorkBudgetStopsATransactionThatWouldCostTooMuch() {
        SecLangEngine e = SecLangEngine.create(RuleSetCompiler.compile(RuleFileParser.parse("""
                SecRule ARGS "@rx never-matches" "id:1,phase:1,pass"
                """, "test.conf")), 100);
        RuleTransaction within = run(e, Requests.get("/?a=" + "x".repeat(100)));
        assertFalse(within.overBudget(), "a budget of 100 chars holds a 100-char value");
        RuleTransaction over = run(e, Requests.get("/?a=" + "x".repeat(101)));
        assertTrue(over.overBudget(), "limit + 1 is over");
        assertEquals(1, e.counters().overBudget.sum());
    }

    /** The time budget stops a transaction too, and counts only the time its phases run. */
    @Test
    void theTimeBudgetStopsATransactionAndCountsOnlyPhaseTime() throws InterruptedException {
        var rules = RuleSetCompiler.compile(RuleFileParser.parse("""
                SecRule ARGS "@rx never-matches" "id:1,phase:1,pass"
                SecRule ARGS "@rx never-matches" "id:2,phase:2,pass"
                """, "test.conf"));
        SecLangEngine instant = SecLangEngine.create(rules, SecLangEngine.DEFAULT_BUDGET, 1);
        RuleTransaction over = run(instant, Requests.get("/?a=x"));
        assertTrue(over.overBudget(), "a phase that runs longer than 1 ns is over a 1 ns budget");
        assertEquals(1, instant.counters().overBudget.sum());

        SecLangEngine timed = SecLangEngine.create(rules, SecLangEngine.DEFAULT_BUDGET, 40_000_000L);
        RuleTransaction t = timed.open(Requests.get("/?a=x"));
        t.requestHeaders();
        Thread.sleep(60); // the body arriving: not the rules' time
        t.requestBody();
        assertFalse(t.overBudget(), "time between phases does not count");
    }

    @Test
    void aVariableTheEngineDoesNotFillIsRefusedAtLoad() {
        RuleFileException ex = assertThrows(RuleFileException.class,
                () -> engine("SecRule ENV:PATH \"@streq /bin\" \"id:1,phase:1,pass\""));
        assertTrue(ex.getMessage().contains("test.conf:1"), ex.getMessage());
        assertTrue(ex.getMessage().contains("ENV"), ex.getMessage());
    }

    @Test
    void requestUriAndFilenameArePercentDecodedWithoutTheFragment() {
        SecLangEngine e = engine("""
                SecRule REQUEST_URI "@streq /a b?x=%zz" "id:1,phase:1,pass"
                SecRule REQUEST_FILENAME "@streq /a b" "id:2,phase:1,pass"
                SecRule REQUEST_BASENAME "@streq a b" "id:3,phase:1,pass"
                SecRule QUERY_STRING "@streq x=%zz" "id:4,phase:1,pass"
                SecRule URLENCODED_ERROR "@eq 1" "id:5,phase:1,pass"
                """);
        RuleTransaction t = run(e, new HttpData("GET", "/a%20b?x=%zz#frag", "HTTP/1.1",
                Requests.fields(), "192.0.2.1", 1, "u", null, true));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(t));
        assertNotNull(t.matches());
    }

    /** SecRequestBodyJsonDepthLimit: the limit holds, limit + 1 is a body error (REQBODY_ERROR). */
    @Test
    void jsonNestingAtTheDepthLimitParsesAndOneDeeperIsABodyError() {
        SecLangEngine e = engine("""
                SecRequestBodyJsonDepthLimit 8
                SecRule REQUEST_HEADERS:Content-Type "^application/json" "id:10,phase:1,pass,nolog,ctl:requestBodyProcessor=JSON"
                SecRule REQBODY_ERROR "!@eq 0" "id:1,phase:2,deny,status:400"
                """);
        String eight = "[".repeat(8) + "1" + "]".repeat(8);
        String nine = "[".repeat(9) + "1" + "]".repeat(9);
        assertNull(run(e, Requests.post("/", "application/json", eight)).interruption());
        assertEquals(400, run(e, Requests.post("/", "application/json", nine)).interruption().status());
    }

    /** SecArgumentsLimit: the limit holds; one more body argument is a body error, never dropped silently. */
    @Test
    void bodyArgumentsAtTheLimitPassAndOneMoreIsABodyError() {
        SecLangEngine e = engine("""
                SecArgumentsLimit 5
                SecRule REQBODY_ERROR "!@eq 0" "id:1,phase:2,deny,status:400"
                """);
        String five = "a=1&b=2&c=3&d=4&e=5";
        assertNull(run(e, Requests.post("/", "application/x-www-form-urlencoded", five)).interruption());
        assertEquals(400, run(e, Requests.post("/", "application/x-www-form-urlencoded", five + "&f=6"))
                .interruption().status());
    }
}
