package dev.pincer.proxy.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** go-ftw's file format as Pincer reads it: request bytes, expectations, overrides. */
class FtwSuiteTest {

    @TempDir
    Path dir;

    private List<FtwStage> load(String yaml) throws Exception {
        Files.writeString(dir.resolve("942100.yaml"), yaml);
        return FtwSuite.load(dir, null);
    }

    @Test
    void aStageIsSentAsGoFtwWritesIt() throws Exception {
        List<FtwStage> s = load("""
                rule_id: 942100
                tests:
                  - test_id: 3
                    stages:
                      - input:
                          method: POST
                          uri: /post
                          headers: { Host: localhost, User-Agent: "t\u00e9st" }
                          data: "a=1 or 1&b=x*y~"
                        output:
                          status: [200, 403]
                          log: { expect_ids: [942100], no_expect_ids: [942101], match_regex: 'found within ARGS:a' }
                """);
        assertEquals(1, s.size());
        assertEquals("942100-3", s.get(0).name());
        assertEquals("POST /post HTTP/1.1\r\nHost: localhost\r\nUser-Agent: t\u00c3\u00a9st\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: 17\r\n\r\n"
                + "a=1+or+1&b=x%2Ay~", new String(s.get(0).request(), StandardCharsets.ISO_8859_1));
        Expectation e = s.get(0).expect();
        assertEquals(Set.of(942100L), e.expectIds());
        assertEquals(List.of(200, 403), e.status());
        assertNull(e.mismatch(StageResult.answered(403), Set.of(942100L), "x found within ARGS:a: 1"));
        assertEquals("missing [942100]; unwanted [942101]; no log line matches /found within ARGS:a/",
                e.mismatch(StageResult.answered(200), Set.of(942101L), ""));
        assertEquals("expected status [200, 403]", e.mismatch(StageResult.answered(400), Set.of(942100L), "found within ARGS:a"));
    }

    @Test
    void anEncodedRequestGoesOutAsItDecodesAndTemplatesExpand() throws Exception {
        List<FtwStage> s = load("""
                tests:
                  - test_id: 1
                    stages:
                      - input: { encoded_request: "R0VUIC8gSFRUUC8xLjANCkhvc3Q6DQoNCg==" }
                        output: { expect_error: true }
                  - test_id: 2
                    stages:
                      - input:
                          autocomplete_headers: false
                          data: 'x{{ "ab" | repeat 3 }}y{{ nope }}'
                        output: {}
                """);
        assertEquals("GET / HTTP/1.0\r\nHost:\r\n\r\n", new String(s.get(0).request(), StandardCharsets.ISO_8859_1));
        assertEquals(942100, s.get(0).ruleId(), "the rule id comes from the file name when the file has none");
        assertTrue(new String(s.get(1).request(), StandardCharsets.ISO_8859_1).endsWith("\r\n\r\nxabababy{{ nope }}"));
        assertNull(s.get(0).expect().mismatch(StageResult.failed("reset"), Set.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> FtwRequests.expand("{{ \"x\" | repeat 999999999 }}"));
    }

    @Test
    void aMalformedFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("""
                tests:
                  - test_id: 4
                    stages:
                      - input: { encoded_request: "%%%" }
                """));
        assertTrue(e.getMessage().contains("942100.yaml") && e.getMessage().contains("test 4 stage 1")
                && e.getMessage().contains("not base64"), e.getMessage());
    }

    @Test
    void overridesNeedAReasonAndReplaceOrExclude() throws Exception {
        Path o = dir.resolve("o.yaml");
        Files.writeString(o, """
                test_overrides:
                  - rule_id: 942100
                    test_ids: [1]
                    reason: excluded
                  - rule_id: 942100
                    test_ids: [2, 3]
                    reason: answered first
                    output: { status: 400 }
                """);
        Overrides ov = Overrides.read(o);
        assertEquals(3, ov.testCount());
        FtwStage one = new FtwStage("942100.yaml", "g", 942100, 1, 1, new byte[0], FtwSuite.expectation(Map.of()));
        FtwStage three = new FtwStage("942100.yaml", "g", 942100, 3, 1, new byte[0], FtwSuite.expectation(Map.of()));
        assertNull(ov.of(one).output());
        assertEquals(List.of(400), ov.of(three).output().status());
        assertEquals(List.of("942100-2"), ov.unmatched(List.of(one, three)));

        Files.writeString(o, "test_overrides:\n  - { rule_id: 1, test_ids: [1] }\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Overrides.read(o));
        assertTrue(e.getMessage().contains("test_overrides[0]") && e.getMessage().contains("reason"), e.getMessage());
    }

    @Test
    void theReportCountsTestsAndNeverGainsFromAnExclusion() {
        Overrides.Entry excluded = new Overrides.Entry(1, List.of(1), "gap", null);
        FtwStage a = new FtwStage("1.yaml", "G", 1, 1, 1, new byte[0], FtwSuite.expectation(Map.of()));
        FtwStage b1 = new FtwStage("1.yaml", "G", 1, 2, 1, new byte[0], FtwSuite.expectation(Map.of()));
        FtwStage b2 = new FtwStage("1.yaml", "G", 1, 2, 2, new byte[0], FtwSuite.expectation(Map.of()));
        FtwReport r = new FtwReport(List.of(
                new FtwRunner.StageOutcome(a, null, excluded, true, Set.of()),
                new FtwRunner.StageOutcome(b1, null, null, false, Set.of()),
                new FtwRunner.StageOutcome(b2, "status 200: missing [1]", null, false, Set.of())), List.of());
        assertEquals(2, r.total());
        assertEquals(0, r.passed());
        assertEquals(1, r.overridden());
        assertEquals(List.of("1-2/2 (1.yaml): status 200: missing [1]; fired []"), r.failures());
    }
}
