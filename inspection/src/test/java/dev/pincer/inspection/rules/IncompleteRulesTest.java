package dev.pincer.inspection.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.RouteConfig;
import dev.pincer.config.RuleExclusions;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A transaction an operator could not judge ({@code @rbl}, a backtracking regex past its bound) is
 * decided by the route's incomplete-request policy and counted in
 * {@code pincer_rule_incomplete_total{reason}}: never forwarded as if judged.
 */
class IncompleteRulesTest {

    private static final String RULES = """
            SecRule REMOTE_ADDR "@rbl dnsbl.httpbl.org" "id:1,phase:1,pass"
            SecRule ARGS "@rx attack" "id:2,phase:1,deny,status:403,tag:'attack-sqli',severity:2"
            """;

    private static Outcome head(RouteConfig.Incomplete policy, RuleMetrics metrics, String target) throws Exception {
        SecLangEngine engine = SecLangEngine.create(RuleSetCompiler.compile(RuleFileParser.parse(RULES, "t.conf")));
        SignatureInspection rules = new SignatureInspection(engine, policy, RuleExclusions.NONE, metrics);
        InetAddress client = InetAddress.getByName("192.0.2.7");
        Transaction tx = Transaction.open("r1", client, client, "-",
                new RequestHead("GET", target, List.of(new HeaderField("Host", "app"))), List.of(rules));
        return tx.requestHead();
    }

    private static double counted(RuleMetrics m, String reason) {
        return m.incomplete.labels(reason).get();
    }

    @Test
    void underRejectAnUnjudgedRequestIsBlockedAndCounted() throws Exception {
        RuleMetrics m = RuleMetrics.unregistered();
        Outcome o = head(RouteConfig.Incomplete.REJECT, m, "/?q=fine");
        assertEquals(Outcome.Kind.BLOCK, o.kind());
        assertEquals(403, o.status());
        assertEquals(AttackClass.ANALYSIS_LIMIT, o.findings().get(0).attackClass());
        assertTrue(o.findings().get(0).message().contains("rbl"), o.findings().get(0).message());
        assertEquals(1.0, counted(m, "rbl"));
    }

    @Test
    void underSuspectItIsForwardedMarked() throws Exception {
        RuleMetrics m = RuleMetrics.unregistered();
        Outcome o = head(RouteConfig.Incomplete.SUSPECT, m, "/?q=fine");
        assertEquals(Outcome.Kind.SUSPECT, o.kind());
        assertEquals(AttackClass.ANALYSIS_LIMIT, o.findings().get(0).attackClass());
        assertEquals(1.0, counted(m, "rbl"));
    }

    /**
     * Guards the hybrid case: a block of sink-covered findings alone may be turned into a suspect;
     * under reject the analysis-limit finding rides with it, so the request cannot be forwarded.
     */
    @Test
    void aBlockOfAnUnjudgedRequestCarriesTheLimitFindingUnderReject() throws Exception {
        RuleMetrics m = RuleMetrics.unregistered();
        Outcome o = head(RouteConfig.Incomplete.REJECT, m, "/?q=attack");
        assertEquals(Outcome.Kind.BLOCK, o.kind());
        assertEquals(List.of(AttackClass.SQL_INJECTION, AttackClass.ANALYSIS_LIMIT),
                o.findings().stream().map(f -> f.attackClass()).toList());
        assertEquals(1.0, counted(m, "rbl"));
        Outcome suspect = head(RouteConfig.Incomplete.SUSPECT, RuleMetrics.unregistered(), "/?q=attack");
        assertEquals(List.of(AttackClass.SQL_INJECTION), suspect.findings().stream().map(f -> f.attackClass()).toList());
    }
}
