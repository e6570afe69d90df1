package dev.pincer.correlator.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.verdict.Action;
import dev.pincer.correlator.verdict.Decision;
import dev.pincer.correlator.verdict.Policy;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityEventTest {
    private static final Instant TS = Instant.parse("2026-11-23T11:19:22.123Z");

    private static Decision decision(Mode mode, SinkCall call, Finding f) {
        return new Policy(mode).decide(call, f);
    }

    /** The documented example line of docs/correlation.md, field for field. */
    @Test
    void shapeWithoutALiveContext() {
        SinkCall call = new SinkCall("000102030405060708090a0b0c0d0e0f", SinkKind.SQL,
                List.of("SELECT * FROM users WHERE id = '1' OR '1'='1'"), Map.of(), "com.shop.UserDao.find\ncom.shop.UserController.show");
        Finding f = new Finding(AttackClass.SQL_INJECTION, Input.plain(InputSource.QUERY, "id", "1' OR '1'='1"),
                List.of("'", "OR", "'1'", "=", "'1'"), "input spans 5 SQL tokens and leaves a string literal");
        String json = SecurityEvent.of(decision(Mode.HYBRID, call, f), null, "web-1/4242", TS).toJson();
        assertEquals("{\"ts\":\"2026-11-23T11:19:22.123Z\",\"event\":\"sink_verdict\",\"action\":\"block\","
                + "\"sink_ran\":false,\"decided\":\"block\",\"request_id\":null,\"context_id\":\"000102030405060708090a0b0c0d0e0f\",\"client_ip\":null,"
                + "\"method\":null,\"path\":null,\"attack_class\":\"sqli\","
                + "\"input\":{\"source\":\"query\",\"name\":\"id\",\"value\":\"1' OR '1'='1\"},"
                + "\"sink\":{\"kind\":\"sql\",\"argument\":\"SELECT * FROM users WHERE id = '1' OR '1'='1'\","
                + "\"stack\":\"com.shop.UserDao.find\\ncom.shop.UserController.show\"},"
                + "\"evidence\":[\"'\",\"OR\",\"'1'\",\"=\",\"'1'\"],"
                + "\"reason\":\"input spans 5 SQL tokens and leaves a string literal\",\"edge_rule_ids\":[],"
                + "\"sensor\":\"web-1/4242\",\"mode\":\"hybrid\"}", json);
    }

    /** Issue 8: a finding on a parameter name says so: source {@code query_name}, the name as name and value. */
    @Test
    void aNameInputIsNamedAsAName() {
        SinkCall call = new SinkCall("", SinkKind.SQL, List.of("SELECT id FROM items WHERE name IN ('x') OR 1=1--')"),
                Map.of(), "");
        Input name = new Input(InputSource.QUERY_NAME, "x') OR 1=1--", "x%27)%20OR%201%3D1--", "x') OR 1=1--");
        Finding f = new Finding(AttackClass.SQL_INJECTION, name, List.of("'", ")", "OR"), "breaks out");
        String json = SecurityEvent.of(decision(Mode.HYBRID, call, f), null, "s", TS).toJson();
        assertTrue(json.contains("\"input\":{\"source\":\"query_name\",\"name\":\"x') OR 1=1--\","
                + "\"value\":\"x') OR 1=1--\"}"), json);
    }

    @Test
    void inputIndependentFindingsHaveNoInputAndExecJoinsArgv() {
        SinkCall call = new SinkCall("", SinkKind.EXEC, List.of("/bin/sh", "-c", "id"), Map.of(), "");
        Finding f = new Finding(AttackClass.EXEC_DRIFT, null, List.of(), "not in the baseline");
        String json = SecurityEvent.of(decision(Mode.MONITOR, call, f), null, "s", TS).toJson();
        assertTrue(json.contains("\"action\":\"monitor\""), json);
        assertTrue(json.contains("\"context_id\":null"), json);
        assertTrue(json.contains("\"input\":null"), json);
        assertTrue(json.contains("\"argument\":\"/bin/sh -c id\""), json);
        assertTrue(json.endsWith("\"mode\":\"monitor\"}"), json);
    }

    @Test
    void hostileTextIsEscapedAndLongTextCut() {
        String nasty = "a\"b\\c\n\r\t\u0000\u001b[31m\u2028\ud800x😀";
        SinkCall call = new SinkCall("", SinkKind.FILE, List.of("x".repeat(2000)), Map.of(), nasty);
        Finding f = new Finding(AttackClass.PATH_TRAVERSAL, Input.plain(InputSource.HEADER, nasty, "y".repeat(300)),
                List.of(nasty), nasty);
        String json = SecurityEvent.of(decision(Mode.EDGE, call, f), null, nasty, TS).toJson();
        assertFalse(json.contains("\n") || json.contains("\r") || json.contains("\u001b") || json.contains("\u2028"));
        assertTrue(json.contains("a\\\"b\\\\c\\n\\r\\t\\u0000\\u001b[31m\\u2028\\ud800x😀"), json);
        assertTrue(json.contains("\"argument\":\"" + "x".repeat(1024) + "\""), "argument cut to 1024");
        assertTrue(json.contains("\"value\":\"" + "y".repeat(256) + "\""), "input value cut to 256");
        assertTrue(json.contains("\"action\":\"observed\""));
    }

    /** Honest events: a block the sensor did not wait for says the sink ran, and what had been decided. */
    @Test
    void aFailOpenKeepsTheFindingButSaysTheSinkRan() {
        SinkCall call = new SinkCall("", SinkKind.SQL, List.of("select 1; drop table t"), Map.of(), "");
        Finding f = new Finding(AttackClass.SQL_INJECTION, null, List.of(";"), "stacked statement");
        String json = SecurityEvent.of(Action.FAIL_OPEN, decision(Mode.HYBRID, call, f), call, null, "s", TS, "")
                .toJson();
        assertTrue(json.contains("\"action\":\"fail_open\",\"sink_ran\":true,\"decided\":\"block\""), json);
        assertTrue(json.contains("\"attack_class\":\"sqli\""), json);
        assertTrue(json.contains("\"reason\":\"stacked statement\""), json);
    }

    @Test
    void aFailOpenWithoutAFindingSaysWhyAndAFailClosedSaysTheSinkDidNotRun() {
        SinkCall call = new SinkCall("", SinkKind.FILE, List.of("a.txt", "/srv/a.txt", "read"), Map.of(), "");
        Decision allow = decision(Mode.HYBRID, call, null);
        String open = SecurityEvent.of(Action.FAIL_OPEN, allow, call, null, "s", TS, "gave up").toJson();
        assertTrue(open.contains("\"action\":\"fail_open\",\"sink_ran\":true,\"decided\":\"allow\""), open);
        assertTrue(open.contains("\"attack_class\":null"), open);
        assertTrue(open.contains("\"reason\":\"gave up\""), open);
        assertTrue(open.contains("\"sink\":{\"kind\":\"file\",\"argument\":\"a.txt\""), open);
        String closed = SecurityEvent.of(Action.FAIL_CLOSED, allow, call, null, "s", TS, "gave up").toJson();
        assertTrue(closed.contains("\"action\":\"fail_closed\",\"sink_ran\":false"), closed);
        String late = SecurityEvent.of(Action.LATE, allow, call, null, "s", TS, "slow").toJson();
        assertTrue(late.contains("\"action\":\"late\",\"sink_ran\":true"), late);
    }

    @Test
    void anUnknownCheckHasNoSink() {
        String json = SecurityEvent.unknownCheck(Action.FAIL_OPEN, "s", TS, "TIMEOUT for stream 9").toJson();
        assertEquals("{\"ts\":\"2026-11-23T11:19:22.123Z\",\"event\":\"sink_verdict\",\"action\":\"fail_open\","
                + "\"sink_ran\":true,\"decided\":null,\"request_id\":null,\"context_id\":null,\"client_ip\":null,"
                + "\"method\":null,\"path\":null,\"attack_class\":null,\"input\":null,\"sink\":null,\"evidence\":[],"
                + "\"reason\":\"TIMEOUT for stream 9\",\"edge_rule_ids\":[],\"sensor\":\"s\",\"mode\":null}", json);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String s = "a".repeat(255) + "😀";
        assertEquals("a".repeat(255), Json.truncate(s, 256));
        assertEquals(s, Json.truncate(s, 257));
    }

    @Test
    void reportLine() {
        assertEquals("{\"ts\":\"2026-11-23T11:19:22.123Z\",\"event\":\"sensor_fail_open\",\"action\":\"fail_open\","
                + "\"sensor\":\"web-1/4242\",\"app\":\"shop\",\"fail_open\":3,\"fail_closed\":0,\"timeouts\":3}",
                SecurityLog.reportJson(TS, "web-1/4242", "shop", 3, 0, 3));
        assertTrue(SecurityLog.reportJson(TS, "s", "", 0, 2, 2).contains("\"event\":\"sensor_fail_closed\""));
    }
}
