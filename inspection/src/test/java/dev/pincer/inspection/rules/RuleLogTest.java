package dev.pincer.inspection.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.RouteConfig;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.seclang.RuleMatch;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ModSecurity-format rule log, and the bytes the engine sees through the participant. */
class RuleLogTest {

    private static final String RULES = """
            SecRule ARGS:id "@rx union" "id:942100,phase:1,pass,log,msg:'SQL Injection',\\
                logdata:'Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}: %{MATCHED_VAR}',\\
                capture,tag:'attack-sqli',tag:'paranoia-level/1',ver:'OWASP_CRS/4.28.0',severity:'CRITICAL'"
            SecRule ARGS:id "@rx union" "id:942101,phase:1,pass,nolog"
            SecRule REQUEST_HEADERS:X-Name "@rx ^caf\\xe9$" "id:7,phase:1,pass,log,msg:'latin-1 byte'"
            SecRule REQUEST_URI "@rx caf\\xc3\\xa9" "id:8,phase:1,pass,log,msg:'utf-8 target'"
            """;

    private static SecLangEngine engine() {
        return SecLangEngine.create(RuleSetCompiler.compile(RuleFileParser.parse(RULES, "rules/test.conf")));
    }

    private static List<RuleMatch> run(RequestHead head) throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.7");
        Transaction tx = Transaction.open("req-1", client, client, "*/", head, List.of());
        RulesStep step = new RulesStep(engine(), tx, RouteConfig.Incomplete.REJECT, List.of(), RuleMetrics.unregistered(),
                128 * 1024);
        step.requestHead(tx);
        return step.matches();
    }

    @Test
    void aLineCarriesTheFieldsModSecurityToolsRead() throws Exception {
        RequestHead head = new RequestHead("GET", "/?id=1%20union%20select", List.of(new HeaderField("Host", "shop.example")));
        List<RuleMatch> matches = run(head);
        assertEquals(List.of(942100L, 942101L), matches.stream().map(m -> m.rule().id()).toList());
        String line = RuleLog.line(matches.get(0), "192.0.2.7", "shop.example", head.target(), "req-1");
        assertTrue(line.startsWith("[client 192.0.2.7] ModSecurity: Warning. Matched \"Operator `Rx' with parameter `union'"
                + " against variable `ARGS:id' (Value: `1 union select' ) "), line);
        for (String field : new String[] {"[file \"rules/test.conf\"]", "[line \"1\"]", "[id \"942100\"]",
                "[msg \"SQL Injection\"]", "[data \"Matched Data: union found within ARGS:id: 1 union select\"]",
                "[severity \"2\"]", "[ver \"OWASP_CRS/4.28.0\"]", "[tag \"attack-sqli\"]", "[tag \"paranoia-level/1\"]",
                "[hostname \"shop.example\"]", "[uri \"/?id=1%20union%20select\"]", "[unique_id \"req-1\"]"}) {
            assertTrue(line.contains(field), field + " in " + line);
        }
        assertFalse(matches.get(1).rule().log(), "a nolog rule writes no line");
    }

    /** A request can neither split a line nor forge a field: quotes, backslashes and control bytes are escaped. */
    @Test
    void requestBytesAreEscapedAndCut() {
        assertEquals("a\\\"] [id \\\"1\\\"]\\x0d\\x0ab\\\\", RuleLog.escape("a\"] [id \"1\"]\r\nb\\"));
        assertEquals("caf\\xe9", RuleLog.escape("caf\u00e9"));
        String cut = RuleLog.escape("x".repeat(RuleLog.MAX_FIELD + 1));
        assertEquals("x".repeat(RuleLog.MAX_FIELD) + "...", cut);
    }

    /**
     * Regression: header values arrive as bytes, one char per byte, and reach the rules as those
     * bytes (a Latin-1 0xE9 once arrived as the two UTF-8 bytes C3 A9); the target, which the
     * proxy decodes as UTF-8, reaches them as its UTF-8 bytes.
     */
    @Test
    void headerBytesAndAUtf8TargetReachTheRulesAsSent() throws Exception {
        RequestHead head = new RequestHead("GET", "/caf\u00e9",
                List.of(new HeaderField("Host", "a"), new HeaderField("X-Name", "caf\u00e9")));
        assertEquals(List.of(7L, 8L), run(head).stream().map(m -> m.rule().id()).toList());
    }
}
