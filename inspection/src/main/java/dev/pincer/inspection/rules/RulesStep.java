package dev.pincer.inspection.rules;

import dev.pincer.config.RouteConfig;
import dev.pincer.inspection.body.JsonParser;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.inspection.seclang.Interruption;
import dev.pincer.inspection.seclang.RuleMatch;
import dev.pincer.inspection.seclang.RuleTransaction;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.seclang.variables.StreamedMultipart;
import dev.pincer.inspection.transaction.AnomalyScore;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.ResponseHead;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request under the rule engine. The head is phase 1; the body, held within the rule set's
 * limit, is phase 2 at the request's end; the response head is phase 3; the response body prefix
 * (with SecResponseBodyAccess On and a media type of SecResponseBodyMimeType's, else nothing right
 * after phase 3) is phase 4; phase 5 runs at close.
 *
 * <p>What it returns: a disruptive rule in engine mode On blocks with its status, with one finding
 * per matched rule that carries an attack tag (their classes let the policy turn a block of only
 * sink-covered classes into a suspect in hybrid mode). A request the engine could not fully judge
 * (over its work budget, a body over SecRequestBodyLimit, or a value an operator could not judge:
 * {@code @rbl}, a backtracking regex past its work bound) is decided by the incomplete-request
 * policy: rejected (413 for the body, 403 otherwise) or marked suspect, never passed clean.
 *
 * <p>The body: a multipart one the MULTIPART processor reads (body access on, REQUEST_BODY not
 * forced) is parsed as it streams ({@link StreamedMultipart}): the step asks the proxy to hold all
 * of it, up to SecRequestBodyLimit ({@link #requestBodyHold()}), keeps only its non-file parts (at
 * most the proxy's body prefix: SecRequestBodyNoFilesLimit) and counts file contents. Any other
 * body is held as it comes, and the proxy feeds no more of it than its prefix. Past either bound
 * the body is incomplete.
 */
final class RulesStep implements Step {

    /** What each reason an operator gives for an incomplete transaction means, for the finding. */
    private static final java.util.Map<String, String> INCOMPLETE = java.util.Map.of(
            "rbl", "@rbl asks a DNS block list, and Pincer makes no DNS lookups on the request path",
            "regex", "a backtracking @rx pattern ran out of its work bound on this value",
            "regex_pattern", "an @rx pattern with macros did not compile once expanded");

    private final RuleTransaction rules;
    private final RouteConfig.Incomplete incomplete;
    private final long bodyLimit;
    private final boolean bodyWanted;
    private final long noFilesLimit;
    private HeldBody body;
    /** A multipart body parsed as it streams, or null; decided once, after phase 1 ({@link #bodyKind}). */
    private StreamedMultipart upload;
    private boolean bodyKindKnown;
    private final RuleMetrics metrics;
    private List<Finding> blockedWith = List.of();
    private boolean limited;
    private boolean overLimit;
    private Interruption reported;
    private boolean responseSeen;
    private String responseType;
    private HeldBody responseBody;
    private int logged;

    RulesStep(SecLangEngine engine, Transaction tx, RouteConfig.Incomplete incomplete,
              List<java.util.function.Consumer<RuleTransaction>> exclusions, RuleMetrics metrics, long noFilesLimit) {
        this.incomplete = incomplete;
        this.noFilesLimit = noFilesLimit;
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
        headers.addAll(head.headers()); // field bytes arrive one char per byte already (ISO-8859-1)
        InetAddress client = tx.client();
        return new HttpData(head.method(), bytes(head.target()), head.protocol(), headers,
                client == null ? "" : client.getHostAddress(), 0, tx.id(), null, true);
    }

    /**
     * The target reaches the engine as the bytes the client sent, one char per byte: the proxy
     * decodes a target's raw bytes as UTF-8 (the only non-ASCII it accepts), so they are encoded
     * back here.
     */
    private static String bytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }

    /** The request's Content-Length, or -1 (chunked, absent or not a number: known only as it arrives). */
    private static long declaredLength(RequestHead head) {
        for (HeaderField h : head.headers()) {
            if (h.name().equalsIgnoreCase("Content-Length")) {
                try {
                    return Long.parseLong(h.value().trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
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
        logMatches(tx);
        Outcome o = outcome();
        if (o.kind() == Outcome.Kind.CONTINUE && bodyWanted && rules.engine().rules().settings().rejectOverLimit()
                && declaredLength(tx.head()) > bodyLimit) {
            // SecRequestBodyLimitAction Reject on a declared length: 413 before a byte of the body is read
            return limit(413, "the declared request body is larger than the rules inspect (SecRequestBodyLimit)", "body");
        }
        return o;
    }

    /** A multipart upload the rules parse as it streams: all of it, up to SecRequestBodyLimit; else the prefix. */
    @Override
    public long requestBodyHold() {
        bodyKind();
        return upload != null ? bodyLimit : 0;
    }

    /** After phase 1 (its {@code ctl}s choose the processor): streamed multipart, or a held body. */
    private void bodyKind() {
        if (!bodyKindKnown) {
            bodyKindKnown = true;
            upload = bodyWanted ? rules.multipartBody(noFilesLimit) : null;
        }
    }

    /** The rules' JSON arguments, gathered in the extraction's pass when phase 2 will parse the body as JSON. */
    @Override
    public JsonParser.Listener bodyJson(byte[] body) {
        if (!bodyWanted || body.length > bodyLimit) {
            return null;
        }
        bodyKind();
        return upload != null ? null : rules.bodyJson(body);
    }

    @Override
    public Outcome requestBody(Transaction tx, byte[] chunk, int offset, int length) {
        bodyKind();
        if (upload != null) {
            // past SecRequestBodyLimit nothing more is parsed: the body is cut, as a held one is
            int n = (int) Math.min(length, Math.max(0, bodyLimit - upload.length()));
            overLimit |= n < length;
            upload.write(chunk, offset, n);
            return Outcome.CONTINUE;
        }
        if (body == null) {
            body = new HeldBody(bodyLimit);
        }
        body.write(chunk, offset, length);
        return Outcome.CONTINUE;
    }

    @Override
    public Outcome requestEnd(Transaction tx) {
        boolean cut = (body != null && body.overflowed()) || (bodyWanted && !tx.bodyComplete())
                || overLimit || (upload != null && upload.overflowed());
        if (cut && rules.engine().rules().settings().rejectOverLimit()) {
            return limit(413, upload != null && upload.overflowed() && !overLimit
                    ? "the non-file parts of the request body are larger than the rules inspect (body_prefix_bytes)"
                    : "the request body is larger than the rules inspect (SecRequestBodyLimit)", "body");
        }
        if (upload != null) {
            rules.requestBody(upload);
        } else {
            rules.requestBody(body == null ? null : body.bytes());
        }
        body = null;
        upload = null;
        logMatches(tx);
        Outcome o = outcome();
        if (o.kind() == Outcome.Kind.CONTINUE && cut) {
            return limit(413, "the rules inspected only a prefix of the request body", "body");
        }
        return o;
    }

    /**
     * Phase 3, and phase 4 at once when the response body will not be held (body access off, or a
     * media type outside SecResponseBodyMimeType): CRS's outbound evaluation (959100) runs in
     * phase 4 and must still be able to block before the response head goes out.
     */
    @Override
    public Outcome responseHead(Transaction tx, ResponseHead head) {
        rules.responseHeaders(head.status(), "HTTP/1.1", head.headers());
        logMatches(tx);
        responseSeen = true;
        for (HeaderField h : head.headers()) {
            if (h.name().equalsIgnoreCase("Content-Type")) {
                responseType = h.value();
                break;
            }
        }
        Outcome o = outcome();
        if (o.kind() != Outcome.Kind.CONTINUE || needsResponseBody()) {
            return o;
        }
        rules.responseBody(null);
        logMatches(tx);
        return outcome();
    }

    /**
     * Before the response head: whether response body access is on; after it: whether this
     * response's media type is one the rules read (SecResponseBodyMimeType).
     */
    @Override
    public boolean needsResponseBody() {
        if (!rules.engine().rules().settings().responseBodyAccess()) {
            return false;
        }
        return !responseSeen || inspectable(responseType);
    }

    private boolean inspectable(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return rules.engine().rules().settings().responseBodyMimeTypes().contains(type);
    }

    @Override
    public Outcome responseBody(Transaction tx, byte[] chunk, int offset, int length) {
        if (responseBody == null) {
            responseBody = new HeldBody(rules.engine().rules().settings().responseBodyLimit());
        }
        responseBody.write(chunk, offset, length);
        return Outcome.CONTINUE;
    }

    /**
     * Phase 4 on the response body prefix. A body the rules could not see whole (past
     * SecResponseBodyLimit or the prefix Pincer holds, or undecodable) is, with
     * {@code SecResponseBodyLimitAction Reject}, answered 500 instead of the response (what
     * ModSecurity does); with ProcessPartial (the default) its prefix is inspected and the partial
     * inspection counted in {@code pincer_rule_incomplete_total{reason="response_body"}}.
     */
    @Override
    public Outcome responseEnd(Transaction tx) {
        boolean cut = (responseBody != null && responseBody.overflowed()) || !tx.responseComplete();
        if (cut) {
            metrics.incomplete.labels("response_body").inc();
            if (rules.engine().rules().settings().rejectResponseOverLimit()) {
                Finding f = new Finding(SignatureInspection.CONTROL, AttackClass.ANALYSIS_LIMIT, null,
                        "the response body is larger than the rules inspect (SecResponseBodyLimit)", 0);
                blockedWith = List.of(f);
                return Outcome.block(500, f);
            }
        }
        byte[] kept = responseBody == null ? null : responseBody.bytes();
        rules.responseBody(kept == null ? new byte[0] : kept);
        responseBody = null;
        logMatches(tx);
        return outcome();
    }

    @Override
    public void close(Transaction tx, Disposition disposition) {
        rules.logging();
        logMatches(tx);
        List<RuleMatch> matched = rules.matches();
        for (int i = 0, n = matched.size(); i < n; i++) {
            metrics.hit(matched.get(i).rule().id());
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

    /** The rules that matched so far, in order. */
    List<RuleMatch> matches() {
        return rules.matches();
    }

    /** The rule-log lines of the matches since the last phase (see {@link RuleLog}). */
    private void logMatches(Transaction tx) {
        List<RuleMatch> all = rules.matches();
        if (logged >= all.size()) {
            return;
        }
        if (RuleLog.enabled()) {
            RequestHead head = tx.head();
            String host = "";
            for (HeaderField h : head.headers()) {
                if (h.name().equalsIgnoreCase("Host") || h.name().equals(":authority")) {
                    host = h.value();
                    break;
                }
            }
            String client = tx.client() == null ? "" : tx.client().getHostAddress();
            for (int i = logged; i < all.size(); i++) {
                RuleMatch m = all.get(i);
                if (m.rule().log()) {
                    RuleLog.LOG.info(RuleLog.line(m, client, host, head.target(), tx.id()));
                }
            }
        }
        logged = all.size();
    }

    /**
     * CRS's totals: {@code tx.blocking_inbound_anomaly_score} (falling back to CRS 3's
     * {@code tx.inbound_anomaly_score} and {@code tx.anomaly_score}) and
     * {@code tx.blocking_outbound_anomaly_score} (or {@code tx.outbound_anomaly_score}); 0 where a
     * rule set keeps no such variable.
     */
    @Override
    public AnomalyScore anomalyScore() {
        return new AnomalyScore(score("blocking_inbound_anomaly_score", "inbound_anomaly_score", "anomaly_score"),
                score("blocking_outbound_anomaly_score", "outbound_anomaly_score", null));
    }

    private int score(String first, String second, String third) {
        for (String name : new String[] {first, second, third}) {
            int v = name == null ? -1 : number(name);
            if (v >= 0) {
                return v;
            }
        }
        return 0;
    }

    /** A TX variable as a non-negative int, or -1 when it is unset or not a number. */
    private int number(String name) {
        String v = rules.tx().get(name);
        if (v == null) {
            return -1;
        }
        try {
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The rule engine's state as an outcome for the policy. A transaction an operator could not
     * judge ({@code @rbl}: no DNS lookups; a backtracking regex past its work bound) is incomplete,
     * decided by the incomplete-request policy like one over the work budget; when the rules
     * blocked it too, the block carries the analysis-limit finding under {@code reject}, so that
     * no policy can forward a request part of which was never judged.
     */
    private Outcome outcome() {
        if (rules.overBudget()) {
            return limit(403, "the rules' work budget per request ran out", "budget");
        }
        String why = rules.incomplete();
        Interruption i = rules.interruption();
        if (i == null || i == reported) {
            // an interruption the policy already had (turned suspect) is not news
            return why == null ? Outcome.CONTINUE : limit(403, unjudged(why), why);
        }
        reported = i;
        List<Finding> findings = findings(i);
        if (why != null && incomplete == RouteConfig.Incomplete.REJECT) {
            findings.add(limitFinding(unjudged(why), why));
        }
        blockedWith = findings;
        int status = i.status() >= 400 && i.status() <= 599 ? i.status() : 403;
        return new Outcome(Outcome.Kind.BLOCK, status, findings, List.of(), threshold(i));
    }

    private static String unjudged(String reason) {
        return "a rule could not be evaluated (" + reason + "): " + INCOMPLETE.getOrDefault(reason, reason);
    }

    /**
     * The score the block was decided at, when an anomaly-evaluation rule (CRS's 949110, 959100:
     * tag {@code anomaly-evaluation}) interrupted: {@code tx.inbound_anomaly_score_threshold}, or
     * the outbound one in the response phases. 0 for any other disruptive rule, which decides alone.
     */
    private int threshold(Interruption i) {
        if (!i.rule().tags().contains("anomaly-evaluation")) {
            return 0;
        }
        return Math.max(0, number(responseSeen ? "outbound_anomaly_score_threshold" : "inbound_anomaly_score_threshold"));
    }

    private List<Finding> findings(Interruption i) {
        List<Finding> out = new ArrayList<>();
        for (RuleMatch m : rules.matches()) {
            AttackClass c = AttackTags.of(m.rule().tags());
            if (c == null) {
                continue;
            }
            out.add(new Finding(SignatureInspection.CONTROL, c, Long.toString(m.rule().id()),
                    m.message().isEmpty() ? "rule " + m.rule().id() : m.message(),
                    AttackTags.score(m.rule().severity()), m.rule().tags(), m.variable(), m.data()));
        }
        if (out.isEmpty()) {
            AttackClass c = AttackTags.of(i.rule().tags());
            out.add(new Finding(SignatureInspection.CONTROL, c == null ? AttackClass.VIRTUAL_PATCH : c,
                    Long.toString(i.rule().id()), i.rule().message() == null ? "rule " + i.rule().id()
                    : i.rule().message().expand(rules), 0, i.rule().tags(), null, null));
        }
        return out;
    }

    private Outcome limit(int status, String why, String reason) {
        Finding f = limitFinding(why, reason);
        blockedWith = List.of(f);
        return incomplete == RouteConfig.Incomplete.SUSPECT ? Outcome.suspect(List.of(f)) : Outcome.block(status, f);
    }

    /** The finding of an incomplete transaction, counted once per request by {@code reason}. */
    private Finding limitFinding(String why, String reason) {
        if (!limited) {
            limited = true;
            metrics.incomplete.labels(reason).inc();
        }
        return new Finding(SignatureInspection.CONTROL, AttackClass.ANALYSIS_LIMIT, null, why, 0);
    }
}
