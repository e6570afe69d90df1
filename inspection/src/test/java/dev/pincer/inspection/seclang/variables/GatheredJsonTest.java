package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.inspection.body.JsonParser;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.signatures.rule.EngineSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Phase 2's JSON arguments gathered in another reader's pass ({@link RequestVariables#jsonView}):
 * used for the same bytes, ignored for others, and the argument limit still holds at limit + 1.
 */
class GatheredJsonTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static RequestVariables variables(String target, int argumentsLimit) {
        EngineSettings d = EngineSettings.DEFAULTS;
        EngineSettings s = new EngineSettings(d.ruleEngine(), true, false, d.requestBodyLimit(),
                d.requestBodyNoFilesLimit(), true, d.responseBodyLimit(), false, d.responseBodyMimeTypes(),
                '&', d.collectionTimeout(), d.componentSignatures(), d.jsonDepthLimit(), argumentsLimit,
                d.uploadFileLimit());
        return new RequestVariables(new HttpData("POST", target, "HTTP/1.1",
                List.of(new HeaderField("Content-Type", "application/json")), "192.0.2.1", 1, "t", null, true), s);
    }

    private static String args(RequestVariables v) {
        return ((Entries) v.get("ARGS_POST")).all().stream().map(x -> x.key() + "=" + x.value())
                .collect(Collectors.joining(" "));
    }

    private static String single(RequestVariables v, String name) {
        Collection c = v.get(name);
        return c == null ? null : ((Entries) c).all().get(0).value();
    }

    @Test
    void theSameBytesUseWhatThePassGathered() {
        RequestVariables v = variables("/", 1000);
        byte[] body = b("{\"a\":\"1\"}");
        JsonParser.Listener view = v.jsonView(body);
        assertNotNull(view);
        assertNull(v.jsonView(body), "one gathering per request");
        // Fed from other bytes on purpose: phase 2 shows which it used.
        JsonParser.parse(b("{\"gathered\":\"yes\"}"), view);
        v.body(body, "JSON", false);
        assertEquals("json.gathered=yes", args(v));
        assertEquals("0", single(v, "REQBODY_ERROR"));
    }

    @Test
    void otherBytesAreParsedAfresh() {
        RequestVariables v = variables("/", 1000);
        JsonParser.parse(b("{\"a\":\"1\"}"), v.jsonView(b("{\"a\":\"1\"}")));
        v.body(b("{\"a\":\"2\"}"), "JSON", false);
        assertEquals("json.a=2", args(v));
    }

    @Test
    void aPassThatNeverEndedIsNotUsed() {
        RequestVariables v = variables("/", 1000);
        byte[] body = b("{\"a\":\"1\"}");
        v.jsonView(body); // handed out, never fed
        v.body(body, "JSON", false);
        assertEquals("json.a=1", args(v));
    }

    @Test
    void theErrorComesWithTheGatheredArguments() {
        RequestVariables v = variables("/", 1000);
        byte[] body = b("{\"a\":\"1\",}");
        JsonParser.parse(body, v.jsonView(body));
        v.body(body, "JSON", false);
        assertEquals("json.a=1", args(v));
        assertEquals("1", single(v, "REQBODY_ERROR"));
        assertEquals("JSON parsing error: unexpected '}' at offset 9", single(v, "REQBODY_ERROR_MSG"));
    }

    @Test
    void theArgumentLimitHoldsAtTheLimitAndOneOver() {
        // two query arguments leave room for three body arguments under a limit of 5
        for (int n : new int[] {3, 4}) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                json.append(i == 0 ? "" : ",").append(i);
            }
            byte[] body = b(json.append(']').toString());
            RequestVariables gathered = variables("/?x=1&y=2", 5);
            JsonParser.parse(body, gathered.jsonView(body));
            gathered.body(body, "JSON", false);
            RequestVariables alone = variables("/?x=1&y=2", 5);
            alone.body(body, "JSON", false);
            assertEquals(args(alone), args(gathered), n + " body arguments");
            assertEquals(single(alone, "REQBODY_ERROR"), single(gathered, "REQBODY_ERROR"));
            assertEquals(n == 3 ? "0" : "1", single(gathered, "REQBODY_ERROR"));
        }
    }
}
