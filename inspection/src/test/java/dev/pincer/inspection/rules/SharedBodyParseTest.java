package dev.pincer.inspection.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.config.RouteConfig;
import dev.pincer.config.RuleExclusions;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.request.BodyPrefix;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.InspectionLimits;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One parse of a JSON body feeds both the correlator's inputs and the rules' ARGS: the extraction
 * is handed the transaction's body views, and phase 2 uses what the rules gathered there. The
 * rules decide as they do when they parse the body alone.
 */
class SharedBodyParseTest {
    private static final String RULES = """
            SecRequestBodyAccess On
            SecRule REQUEST_HEADERS:Content-Type "^application/json" "id:1,phase:1,pass,nolog,ctl:requestBodyProcessor=JSON"
            SecRule ARGS:json.user.name "@streq admin" "id:2,phase:2,deny,status:403"
            SecRule REQBODY_ERROR "!@eq 0" "id:3,phase:2,deny,status:400"
            """;

    private static Transaction open(String contentType) throws Exception {
        SecLangEngine engine = SecLangEngine.create(RuleSetCompiler.compile(RuleFileParser.parse(RULES, "t.conf")));
        SignatureInspection p = new SignatureInspection(engine, RouteConfig.Incomplete.REJECT, RuleExclusions.NONE,
                RuleMetrics.unregistered(), 128 * 1024);
        InetAddress client = InetAddress.getByName("192.0.2.7");
        Transaction tx = Transaction.open("r1", client, client, "-", head(contentType), List.of(p));
        assertEquals(Outcome.Kind.CONTINUE, tx.requestHead().kind());
        return tx;
    }

    private static RequestHead head(String contentType) {
        return new RequestHead("POST", "/api", List.of(new HeaderField("Host", "app"),
                new HeaderField("Content-Type", contentType), new HeaderField("Transfer-Encoding", "chunked")));
    }

    /** As the proxy does at the body's end: extract the inputs with the body views, then the phases. */
    private static int run(String contentType, String json, boolean shared) throws Exception {
        Transaction tx = open(contentType);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        RequestInputs inputs = new InputExtractor(InspectionLimits.DEFAULT).extract(head(contentType),
                new BodyPrefix(body.clone(), true), shared ? tx.bodyViews() : null);
        tx.inputs(inputs);
        tx.requestBody(body, 0, body.length);
        Outcome o = tx.requestEnd(true);
        return o.blocks() ? o.status() : 200;
    }

    @Test
    void theRulesDecideAsTheyDoAlone() throws Exception {
        for (boolean shared : new boolean[] {false, true}) {
            assertEquals(403, run("application/json", "{\"user\":{\"name\":\"admin\"}}", shared));
            assertEquals(200, run("application/json", "{\"user\":{\"name\":\"bob\"}}", shared));
            assertEquals(400, run("application/json", "{\"user\":", shared));
        }
    }

    @Test
    void onlyAStepThatWillParseJsonAsksForTheView() throws Exception {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertNotNull(open("application/json").bodyViews().json(body));
        assertNull(open("text/plain").bodyViews().json(body), "no JSON processor chosen in phase 1");
    }
}
