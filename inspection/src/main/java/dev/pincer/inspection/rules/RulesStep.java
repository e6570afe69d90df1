package dev.pincer.inspection.rules;

import dev.pincer.config.RouteConfig;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.inspection.seclang.Interruption;
import dev.pincer.inspection.seclang.RuleMatch;
import dev.pincer.inspection.seclang.RuleTransaction;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.ResponseHead;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request under the rule engine. The head is phase 1; the body, held within the rule set's
 * limit, is phase 2 at the request's end; the response head is phase 3; phase 5 runs at close.
 *
 * <p>What it returns: a disruptive rule in engine mode On blocks with its status, with one finding
 * per matched rule that carries an attack tag (their classes let the policy turn a block of only
 * sink-covered classes into a suspect in hybrid mode). A request the engine could not fully judge
 * (over its work budget, or a body over SecRequestBodyLimit) is decided by the incomplete-request
 * policy: rejected (413 for the body, 403 for the budget) or marked suspect, never passed clean.
 */
final class RulesStep implements Step {

    private final RuleTransaction rules;
    private final RouteConfig.Incomplete incomplete;
    private final long bodyLimit;
    private final boolean bodyWanted;
    private ByteArrayOutputStream body;
    private boolean bodyOverLimit;
    private final RuleMetrics metrics;
    private List<Finding> blockedWith = List.of();
    private boolean limited;

    RulesStep(SecLangEngine engine, Transaction tx, RouteConfig.Incomplete incomplete,
              List<java.util.function.Consumer<RuleTransaction>> exclusions, RuleMetrics metrics) {
        this.incomplete = incomplete;
        this.metrics = metrics;
        this.rules = engine.open(data(tx));
        for (java.util.function.Consumer<RuleTransaction> e : exclusions) {
            e.accept(rules);
        }
        this.bodyLimit = Math.min(engine.rules().settings().requestBodyLimit(), Integer.MAX_VALUE - 8);
        this.bodyWanted = engine.rules().settings().requestBodyAccess() && hasBody(tx.head());
    }

    private static HttpData data(Transaction tx) {
        RequestHead head = tx.head();
        List<HeaderField> headers = new ArrayList<>(head.headers().size());
        for (HeaderField h : head.headers()) {
            headers.add(new HeaderField(bytes(h.name()), bytes(h.value())));
        }
        InetAddress client = tx.client();
        return new HttpData(head.method(), bytes(head.target()), head.protocol(), headers,
                client == null ? "" : client.getHostAddress(), 0, tx.id(), null, true);
    }

    /** Header text reaches the engine as the bytes the client sent (UTF-8), one char per byte. */
    private static String bytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }

    private static boolean hasBody(RequestHead head) {
        for (HeaderField h : head.headers()) {
            String n = h.name();
            if (n.equalsIgnoreCase("Transfer-Encoding")
                    || (n.equalsIgnoreCase("Content-Length") && !h.value().trim().equals("0"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean needsRequestBody() {
        return bodyWanted;
    }

    @Override
    public Outcome requestHead(Transaction tx) {
        rules.requestHeaders();
        return outcome();
    }

    @Override
    public Outcome requestBody(Transaction tx, byte[] chunk, int offset, int length) {
        if (body == null) {
            body = new ByteArrayOutputStream(Math.min(length, 64 * 1024));
        }
        int room = (int) Math.max(0, bodyLimit - body.size());
        if (length > room) {
            bodyOverLimit = true;
        }
        body.write(chunk, offset, Math.min(length, room));
        return Outcome.CONTINUE;
    }

    @Override
    public Outcome requestEnd(Transaction tx) {
        boolean cut = bodyOverLimit || (bodyWanted && !tx.bodyComplete());
        if (cut && rules.engine().rules().settings().rejectOverLimit()) {
            return limit(413, "the request body is larger than the rules inspect (SecRequestBodyLimit)");
        }
        rules.requestBody(body == null ? null : body.toByteArray());
        body = null;
        Outcome o = outcome();
        if (o.kind() == Outcome.Kind.CONTINUE && cut) {
            return limit(413, "the rules inspected only a prefix of the request body");
        }
        return o;
    }

    @Override
    public Outcome responseHead(Transaction tx, ResponseHead head) {
        rules.responseHeaders(head.status(), "HTTP/1.1", head.headers());
        return outcome();
    }

    @Override
    public void close(Transaction tx, Disposition disposition) {
        rules.logging();
        for (RuleMatch m : rules.matches()) {
            metrics.hits.labels(Long.toString(m.rule().id())).inc();
        }
        String score = rules.tx().get("blocking_inbound_anomaly_score");
        if (score != null) {
            try {
                metrics.score.observe(Long.parseLong(score.trim()));
            } catch (NumberFormatException ignored) {
                // a rule set that writes text there keeps the histogram out of it
            }
        }
        if (disposition.blocked() && SignatureInspection.CONTROL.equals(disposition.source())) {
            blockedWith.stream().map(f -> f.attackClass().label()).distinct()
                    .forEach(c -> metrics.blocks.labels(c).inc());
        }
    }

    /** The rule engine's state as an outcome for the policy. */
    private Outcome outcome() {
        if (rules.overBudget()) {
            return limit(403, "the rules' work budget per request ran out");
        }
        Interruption i = rules.interruption();
        if (i == null) {
            return Outcome.CONTINUE;
        }
        List<Finding> findings = findings(i);
        blockedWith = findings;
        int status = i.status() >= 400 && i.status() <= 599 ? i.status() : 403;
        return new Outcome(Outcome.Kind.BLOCK, status, findings, List.of());
    }

    private List<Finding> findings(Interruption i) {
        List<Finding> out = new ArrayList<>();
        for (RuleMatch m : rules.matches()) {
            AttackClass c = AttackTags.of(m.rule().tags());
            if (c == null) {
                continue;
            }
            out.add(new Finding(SignatureInspection.CONTROL, c, Long.toString(m.rule().id()),
                    m.message() + " (" + m.variable() + ")", AttackTags.score(m.rule().severity())));
        }
        if (out.isEmpty()) {
            AttackClass c = AttackTags.of(i.rule().tags());
            out.add(new Finding(SignatureInspection.CONTROL, c == null ? AttackClass.VIRTUAL_PATCH : c,
                    Long.toString(i.rule().id()), i.rule().message() == null ? "rule " + i.rule().id()
                    : i.rule().message().expand(rules), 0));
        }
        return out;
    }

    private Outcome limit(int status, String why) {
        if (!limited) {
            limited = true;
            metrics.incomplete.labels(status == 413 ? "body" : "budget").inc();
        }
        Finding f = new Finding(SignatureInspection.CONTROL, AttackClass.ANALYSIS_LIMIT, null, why, 0);
        blockedWith = List.of(f);
        return incomplete == RouteConfig.Incomplete.SUSPECT ? Outcome.suspect(List.of(f)) : Outcome.block(status, f);
    }
}
