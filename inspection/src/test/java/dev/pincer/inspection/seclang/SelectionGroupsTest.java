package dev.pincer.inspection.seclang;

import static dev.pincer.inspection.seclang.EngineTest.engine;
import static dev.pincer.inspection.seclang.EngineTest.ids;
import static dev.pincer.inspection.seclang.EngineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules sharing a selection and transformations are skipped together when no value can match
 * ({@link SelectionGroups}); the skip must never change what matches.
 */
class SelectionGroupsTest {

    private static final String RULES = """
            SecRule ARGS|REQUEST_HEADERS "@rx (?i)union\\s+select" "id:1,phase:2,pass,t:none,t:urlDecodeUni"
            SecRule ARGS|REQUEST_HEADERS "@rx (?i)<script" "id:2,phase:2,pass,t:none,t:urlDecodeUni"
            SecRule ARGS|REQUEST_HEADERS|!ARGS:safe "@rx (?i)etc/passwd" "id:3,phase:2,pass,t:none,t:urlDecodeUni"
            SecRule ARGS "@rx (?i)phaseone" "id:4,phase:1,pass,t:none,t:urlDecodeUni"
            SecRule ARGS "@rx (?i)phaseone" "id:5,phase:2,pass,t:none,t:urlDecodeUni"
            SecRule ARGS "!@rx (?i)needle" "id:6,phase:2,pass,t:none,t:urlDecodeUni"
            SecRule ARGS "@rx (?i)needle" "id:7,phase:2,pass,t:none,t:lowercase,multiMatch"
            """;

    @Test
    void rulesOfOneSelectionAndChainShareAGroupAndOthersTakeNone() {
        SecLangEngine e = engine(RULES);
        RulePlan[] two = e.plans(2);
        assertTrue(two[0].group >= 0);
        assertEquals(two[0].group, two[1].group);
        assertEquals(two[0].group, two[2].group, "an exclusion does not split a group");
        assertTrue(two[3].group >= 0 && two[3].group != two[0].group, "other targets, other group");
        assertEquals(-1, two[4].group, "negated");
        assertEquals(-1, two[5].group, "multiMatch");
        assertEquals(-1, engine("SecRule TX:x \"@rx abc\" \"id:1,phase:2,pass\"").plans(2)[0].group, "TX changes mid-phase");
    }

    @Test
    void aValueInAnyMemberSelectionLetsTheRuleRunAndOnlyItMatches() {
        SecLangEngine e = engine(RULES);
        assertEquals(List.of(6L), ids(run(e, Requests.get("/?q=shoes&page=2"))));
        assertEquals(List.of(1L, 6L), ids(run(e, Requests.get("/?q=1%20UNION%20SELECT%20pw"))));
        assertEquals(List.of(2L, 6L), ids(run(e, Requests.get("/?q=x", "X-Note", "<SCRIPT>alert(1)"))));
    }

    /** The group ignores exclusions (a superset), so an excluded value cannot make the rule match. */
    @Test
    void anExcludedValueOpensTheGroupButStaysExcluded() {
        SecLangEngine e = engine(RULES);
        assertEquals(List.of(6L), ids(run(e, Requests.get("/?safe=/etc/passwd"))));
        assertEquals(List.of(3L, 6L), ids(run(e, Requests.get("/?safe=/etc/passwd&file=/etc/passwd"))));
    }

    /** ARGS in phase 2 holds the body's arguments too: the group's bits are computed per phase. */
    @Test
    void eachPhaseComputesItsOwnBits() {
        SecLangEngine e = engine(RULES);
        assertEquals(List.of(5L, 6L), ids(run(e, Requests.post("/?q=1", "application/x-www-form-urlencoded", "a=phaseone"))));
        assertEquals(List.of(4L, 5L, 6L), ids(run(e, Requests.post("/?q=phaseone", "application/x-www-form-urlencoded", "a=1"))));
    }

    /**
     * Groups with the same targets share one selection per phase: a second chain sees the same
     * values, and phase 2 selects anew (its ARGS hold the body's arguments).
     */
    @Test
    void groupsWithTheSameTargetsShareASelectionPerPhase() {
        SecLangEngine e = engine("""
                SecRule ARGS "@rx union" "id:1,phase:1,pass,t:none"
                SecRule ARGS "@rx union" "id:2,phase:2,pass,t:none"
                SecRule ARGS "@rx union" "id:3,phase:2,pass,t:none,t:lowercase"
                """);
        RulePlan[] two = e.plans(2);
        assertTrue(two[0].group != two[1].group, "other chains, other groups");
        assertEquals(List.of(3L), ids(run(e, Requests.get("/?q=UNION"))));
        assertEquals(List.of(2L, 3L), ids(run(e, Requests.post("/?q=1", "application/x-www-form-urlencoded", "a=union"))));
    }

    @Test
    void negatedAndMultiMatchRulesStillSeeEveryValue() {
        SecLangEngine e = engine(RULES);
        assertEquals(List.of(7L), ids(run(e, Requests.get("/?a=NEEDLE"))));
    }

    /** A skipped group spends its values' length, as the values' tests would have: the same bound. */
    @Test
    void aSkippedGroupSpendsTheWorkItsTestsWouldHave() {
        StringBuilder rules = new StringBuilder();
        for (int id = 1; id <= 3; id++) {
            rules.append("SecRule ARGS \"@rx (?i)union\\s+select\" \"id:").append(id).append(",phase:2,pass\"\n");
        }
        RuleTransaction t = run(engine(rules.toString()), Requests.get("/?a=0123456789&b=01234"));
        assertEquals(3 * 15, t.work());
    }

    /**
     * A value's verdicts travel with its forms through the value memo, group by group: a text
     * judged in one group is judged anew in another, and a verdict read from an earlier request
     * still lets its rule run.
     */
    @Test
    void verdictsKeptForARepeatedValueAreReadPerGroup() {
        SecLangEngine e = engine("""
                SecRule ARGS "@rx (?i)union\\s+select" "id:1,phase:2,pass,t:none"
                SecRule REQUEST_HEADERS "@rx union\\s+select" "id:2,phase:2,pass,t:none,t:lowercase"
                """);
        assertEquals(List.of(1L), ids(run(e, Requests.get("/?q=UNION%20SELECT", "X-Note", "shoes"))));
        assertEquals(List.of(2L), ids(run(e, Requests.get("/?q=shoes", "X-Note", "UNION SELECT"))));
        assertEquals(List.of(1L, 2L), ids(run(e, Requests.get("/?q=UNION%20SELECT", "X-Note", "UNION SELECT"))));
        assertEquals(List.of(), ids(run(e, Requests.get("/?q=shoes", "X-Note", "shoes"))));
    }

    /** Each value is judged on its own: literals spread over two values open no rule that needs both. */
    @Test
    void literalsSpreadOverTwoValuesDoNotOpenTheRule() {
        SecLangEngine e = engine("SecRule ARGS \"@rx (?i)union\\s+select\" \"id:1,phase:2,pass,t:none\"");
        assertEquals(List.of(), ids(run(e, Requests.get("/?a=union&b=select"))));
        assertEquals(List.of(1L), ids(run(e, Requests.get("/?a=union&b=union%20select"))));
    }
}
