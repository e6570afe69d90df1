package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.inspection.seclang.variables.Collection;
import dev.pincer.inspection.seclang.variables.Entries;
import dev.pincer.inspection.seclang.variables.MapCollection;
import dev.pincer.inspection.seclang.variables.RequestVariables;
import dev.pincer.inspection.seclang.variables.StreamedMultipart;
import dev.pincer.inspection.seclang.variables.VariableValue;
import dev.pincer.signatures.action.ActionContext;
import dev.pincer.signatures.action.EngineMode;
import dev.pincer.signatures.action.IdRanges;
import dev.pincer.signatures.lang.VariableSelector;
import dev.pincer.signatures.operator.OperatorContext;
import dev.pincer.signatures.rule.Rule;
import dev.pincer.signatures.rule.RuleSet;
import dev.pincer.signatures.rule.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The state of one transaction under a rule set: the request's variables, TX, the matched
 * variables, captures, the runtime changes {@code ctl} made, the matches and the interruption.
 * It is what actions and operators see ({@link ActionContext}, {@link OperatorContext}); the
 * evaluation itself is {@link PhaseRunner}'s. One thread at a time.
 */
public final class RuleTransaction implements ActionContext, OperatorContext {

    final SecLangEngine engine;
    final RuleSet rules;
    final HttpData request;
    final RequestVariables variables;
    final TransformCache transforms;
    final SelectionGroups groups;
    int phase; // the phase running, or the last one that ran
    final MapCollection tx = new MapCollection("TX");
    EngineMode mode;
    String bodyProcessor;
    boolean bodyAccess;
    boolean forceBodyVariable;

    private final List<IdRanges> removedIds = new ArrayList<>();
    private final List<String> removedTags = new ArrayList<>();
    private final List<String> removedMessages = new ArrayList<>();
    private final List<TargetRemoval> removedTargets = new ArrayList<>();
    private final List<TargetRemoval> applying = new ArrayList<>();  // scratch of select()
    private final java.util.Map<String, PersistentCollections.Record> opened = new java.util.HashMap<>();

    String matchedVar = "";
    String matchedVarName = "";
    Entries matchedVars = new Entries("MATCHED_VARS");
    Entries matchedVarNames = new Entries("MATCHED_VARS_NAMES");
    Rule current;
    final List<RuleMatch> matches = new ArrayList<>();
    private final List<List<VariableValue>> scratch = new ArrayList<>();
    Interruption interruption;
    int highestSeverity = 255;
    boolean allowedRequest;
    boolean allowedAll;
    long work; // chars tested by operators so far, against the engine's budget
    long clockedNanos; // phase running time of the phases that ended
    long phaseStarted; // System.nanoTime() when the running phase began
    long phaseCpuBase = -1; // CpuClock.now() at the phase's first budget check, -1 before it
    long phaseWallToBase; // wall time from the phase's start to that first check
    long nextClock; // the work at which the time budget is next checked
    boolean overBudget;
    String incomplete; // the first reason an operator could not judge a value, or null
    int incompleteMarks; // how many times an operator said it could not judge a value (any reason)
    final long openedNanos = System.nanoTime(); // for DURATION

    private record TargetRemoval(IdRanges ids, String tag, String message, VariableSelector target) {
        boolean applies(Rule head) {
            if (ids != null) {
                return ids.contains(head.id());
            }
            if (tag != null) {
                return head.tags().contains(tag);
            }
            return head.message() != null && head.message().source().equals(message);
        }

        boolean covers(VariableValue v) {
            if (!target.collection().equals(v.collection())) {
                return false;
            }
            return target.key() == null || target.key().equalsIgnoreCase(v.key());
        }
    }

    RuleTransaction(SecLangEngine engine, HttpData request, ValueMemo memo) {
        this.engine = engine;
        this.rules = engine.rules();
        this.request = request;
        this.variables = new RequestVariables(request, rules.settings());
        this.transforms = new TransformCache(engine.chains(), memo);
        this.groups = new SelectionGroups(engine.groupLayout());
        this.mode = rules.settings().ruleEngine();
        this.bodyAccess = rules.settings().requestBodyAccess();
        this.bodyProcessor = defaultBodyProcessor(request.header("Content-Type"));
        variables.processor(bodyProcessor);
    }

    private static String defaultBodyProcessor(String contentType) {
        if (contentType == null) {
            return null;
        }
        String ct = contentType.toLowerCase(Locale.ROOT).trim();
        if (ct.startsWith("multipart/form-data")) {
            return "MULTIPART";
        }
        if (ct.startsWith("application/x-www-form-urlencoded")) {
            return "URLENCODED";
        }
        return null;
    }

    // ---- the phases, in order ------------------------------------------------------------------

    /** Phase 1: the request line and headers. */
    public void requestHeaders() {
        PhaseRunner.run(this, 1);
    }

    /** Phase 2: the body, parsed by the processor the rules chose (unless body access is off), then the rules. */
    public void requestBody() {
        requestBody(request.body());
    }

    /** Phase 2 with the body the proxy held ({@code body} null when there is none). */
    public void requestBody(byte[] body) {
        if (bodyAccess) {
            variables.body(body, bodyProcessor, forceBodyVariable);
        }
        PhaseRunner.run(this, 2);
    }

    /**
     * A listener for this request's body parsed as JSON in another reader's pass, when phase 2
     * will read it with the JSON processor (body access on, JSON chosen by phase 1's {@code ctl}s);
     * else null. Phase 2 then uses what it gathered if its body is the same bytes.
     */
    public dev.pincer.inspection.body.JsonParser.Listener bodyJson(byte[] body) {
        if (!bodyAccess || !"JSON".equals(bodyProcessor)) {
            return null;
        }
        return variables.jsonView(body);
    }

    /**
     * A parser for this request's body when phase 2 can take it as a multipart stream (body access
     * on, the MULTIPART processor after phase 1's {@code ctl}s, REQUEST_BODY not forced), else null.
     * Then only the non-file parts, at most {@code noFilesLimit} bytes, are kept
     * ({@link #requestBody(StreamedMultipart)}).
     */
    public StreamedMultipart multipartBody(long noFilesLimit) {
        if (!bodyAccess || !"MULTIPART".equals(bodyProcessor) || forceBodyVariable) {
            return null;
        }
        return new StreamedMultipart(String.valueOf(request.header("Content-Type")), noFilesLimit);
    }

    /** Phase 2 with a multipart body the caller parsed as it streamed. */
    public void requestBody(StreamedMultipart body) {
        if (bodyAccess) {
            variables.body(body);
        }
        PhaseRunner.run(this, 2);
    }

    /** Phase 3: the response status line and headers. */
    public void responseHeaders(int status, String protocol, java.util.List<dev.pincer.inspection.request.HeaderField> headers) {
        variables.response(status, protocol, headers);
        PhaseRunner.run(this, 3);
    }

    /**
     * Phase 4: the response body prefix. RESPONSE_BODY is filled when response body access is on
     * and the response's media type is one of SecResponseBodyMimeType's; the phase runs either way.
     */
    public void responseBody(byte[] body) {
        if (rules.settings().responseBodyAccess() && inspectable(resolve("RESPONSE_CONTENT_TYPE", null))) {
            variables.responseBody(body);
        }
        PhaseRunner.run(this, 4);
    }

    private boolean inspectable(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return rules.settings().responseBodyMimeTypes().contains(type);
    }

    /**
     * Phase 5: logging rules; runs whatever happened before. Then what the transaction worked out
     * about its values goes to the engine's {@link ValueMemo}.
     */
    public void logging() {
        Interruption kept = interruption;
        interruption = null;
        boolean allowed = allowedAll;
        allowedAll = false;
        allowedRequest = false;
        boolean budget = overBudget;
        overBudget = false;
        PhaseRunner.run(this, 5);
        transforms.publish();
        interruption = kept;
        allowedAll = allowed;
        overBudget = overBudget || budget;
    }

    // ---- what the engine's callers read --------------------------------------------------------

    /** The engine this transaction runs under. */
    public SecLangEngine engine() {
        return engine;
    }

    /** The rules that matched, in order. */
    public List<RuleMatch> matches() {
        return matches;
    }

    /** The disruptive action that took effect, or null. */
    public Interruption interruption() {
        return interruption;
    }

    /** TX as it stands ({@code tx.blocking_inbound_anomaly_score}...). */
    public MapCollection tx() {
        return tx;
    }

    /** The work spent so far: chars tested by operators (each call at least 1). */
    public long work() {
        return work;
    }

    /** True when the transaction used up its work budget: it was not fully judged. */
    public boolean overBudget() {
        return overBudget;
    }

    /**
     * Why the transaction was not fully judged though every rule ran: the first reason an operator
     * gave ({@code rbl}: a block list Pincer does not query; {@code regex}: a backtracking pattern
     * past its work bound), or null. Like {@link #overBudget()}, the incomplete-request policy
     * decides such a request.
     */
    public String incomplete() {
        return incomplete;
    }

    /** The engine mode now ({@code ctl:ruleEngine} may have changed it). */
    public EngineMode mode() {
        return mode;
    }

    // ---- variables -----------------------------------------------------------------------------

    /** The collection {@code name} for this transaction, or null when it has no values. */
    Collection collection(String name) {
        switch (name) {
            case "TX":
                return tx;
            case "MATCHED_VAR":
                return Entries.single(name, matchedVar);
            case "MATCHED_VAR_NAME":
                return Entries.single(name, matchedVarName);
            case "MATCHED_VARS":
                return matchedVars;
            case "MATCHED_VARS_NAMES":
                return matchedVarNames;
            case "HIGHEST_SEVERITY":
                return Entries.single(name, Integer.toString(highestSeverity));
            case "RULE":
                return ruleCollection();
            case "IP", "GLOBAL", "RESOURCE", "SESSION", "USER":
                return opened.get(name);
            case "GEO":
                return null; // @geoLookup fills it from a GeoIP database; Pincer reads none (GeoLookup)
            case "DURATION":
                return Entries.single(name, duration(System.nanoTime() - openedNanos));
            default:
                return variables.get(name);
        }
    }

    /**
     * DURATION's value: the time since the transaction was opened, in seconds with six decimals
     * ({@code 0.000412}), the form libmodsecurity v3 gives (it measures process CPU time; this is
     * the transaction's own wall-clock time). CRS 3.3 reads its last two digits as randomness for
     * sampling (901420).
     */
    static String duration(long nanos) {
        long micros = Math.max(0, nanos) / 1000;
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private Collection ruleCollection() {
        Entries e = new Entries("RULE");
        if (current != null) {
            e.add("id", Long.toString(current.id()));
            e.add("phase", Integer.toString(current.phase()));
            if (current.message() != null) {
                e.add("msg", current.message().expand(this));
            }
            if (current.severity() >= 0) {
                e.add("severity", Integer.toString(current.severity()));
            }
            String rev = current.metadata().get("rev");
            if (rev != null) {
                e.add("rev", rev);
            }
            String ver = current.metadata().get("ver");
            if (ver != null) {
                e.add("ver", ver);
            }
        }
        return e;
    }

    /**
     * Adds the values {@code target} selects, less exclusions and runtime removals, to {@code out}.
     * A count ({@code &GEO}, {@code &IP:x}) is always one value, 0 for a collection that has
     * nothing (GEO, IP before initcol), as in libmodsecurity v3.
     */
    void select(Rule rule, Rule head, Target target, List<VariableValue> out) {
        Collection c = collection(target.collection());
        if (target.count()) {
            out.add(new VariableValue(target.collection(), "", c == null ? "0" : Integer.toString(c.count(target))));
            return;
        }
        if (c == null) {
            return;
        }
        int from = out.size();
        c.select(target, out);
        List<Target> exclusions = rule.exclusions();
        if (exclusions.isEmpty() && removedTargets.isEmpty()) {
            return;
        }
        // the runtime removals that apply to this rule and collection, found once per selection
        List<TargetRemoval> removals = applying;
        removals.clear();
        for (int k = 0; k < removedTargets.size(); k++) {
            TargetRemoval r = removedTargets.get(k);
            if (r.applies(head)) {
                removals.add(r);
            }
        }
        if (exclusions.isEmpty() && removals.isEmpty()) {
            return;
        }
        for (int i = out.size() - 1; i >= from; i--) {
            VariableValue v = out.get(i);
            if (excluded(exclusions, removals, v)) {
                out.remove(i);
            }
        }
    }

    private static boolean excluded(List<Target> exclusions, List<TargetRemoval> removals, VariableValue v) {
        for (int k = 0; k < exclusions.size(); k++) {
            if (exclusions.get(k).covers(v.collection(), v.key())) {
                return true;
            }
        }
        for (int k = 0; k < removals.size(); k++) {
            if (removals.get(k).covers(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The empty list the rule at chain depth {@code depth} collects its values in: one per depth,
     * reused by every rule of the transaction, so selecting values allocates no list.
     */
    List<VariableValue> scratch(int depth) {
        while (scratch.size() <= depth) {
            scratch.add(new ArrayList<>());
        }
        List<VariableValue> list = scratch.get(depth);
        list.clear();
        return list;
    }

    boolean removed(Rule head) {
        // asked for every rule of every phase, and the lists are nearly always empty: indexed loops
        for (int i = 0, n = removedIds.size(); i < n; i++) {
            if (removedIds.get(i).contains(head.id())) {
                return true;
            }
        }
        for (int i = 0, n = removedTags.size(); i < n; i++) {
            if (head.tags().contains(removedTags.get(i))) {
                return true;
            }
        }
        for (int i = 0, n = removedMessages.size(); i < n; i++) {
            if (head.message() != null && head.message().source().equals(removedMessages.get(i))) {
                return true;
            }
        }
        return false;
    }

    // ---- MacroResolver -------------------------------------------------------------------------

    @Override
    public String resolve(String collection, String key) {
        if (collection.equals("TX")) {
            return key == null ? null : tx.get(key);
        }
        Collection c = collection(collection);
        if (c == null) {
            return null;
        }
        List<VariableValue> out = new ArrayList<>(1);
        c.select(new Target(collection, key, null, false), out);
        return out.isEmpty() ? null : out.get(0).value();
    }

    // ---- OperatorContext -----------------------------------------------------------------------

    @Override
    public boolean capturing() {
        return capturingRule != null && capturingRule.capture();
    }

    Rule capturingRule; // the rule whose operator runs now (a chain child may capture)

    @Override
    public void capture(int group, String text) {
        tx.put(Integer.toString(group), text);
    }

    @Override
    public void incomplete(String reason) {
        incompleteMarks++;
        if (incomplete == null) {
            incomplete = java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    // ---- ActionContext -------------------------------------------------------------------------

    @Override
    public void setVariable(String collection, String key, String value) {
        if (collection.equals("TX")) {
            if (!tx.put(key, value)) {
                engine.counters().collectionFull.increment();
            }
            return;
        }
        PersistentCollections.Record r = opened.get(collection);
        if (r != null && !r.put(key, value)) {
            engine.counters().collectionFull.increment();
        }
    }

    @Override
    public void deleteVariable(String collection, String key) {
        if (collection.equals("TX")) {
            tx.remove(key);
            return;
        }
        PersistentCollections.Record r = opened.get(collection);
        if (r != null) {
            r.remove(key);
        }
    }

    @Override
    public void expireVariable(String collection, String key, long seconds) {
        PersistentCollections.Record r = opened.get(collection);
        if (r != null) {
            r.expire(key, seconds);
        }
    }

    @Override
    public void initCollection(String collection, String key) {
        opened.put(collection, engine.persistent().record(collection, key));
    }

    @Override public void ruleEngine(EngineMode mode) { this.mode = mode; }
    @Override public void removeRules(IdRanges ids) { removedIds.add(ids); }
    @Override public void removeRulesByTag(String tag) { removedTags.add(tag); }
    @Override public void removeRulesByMessage(String message) { removedMessages.add(message); }

    @Override
    public void removeTarget(IdRanges ids, VariableSelector target) {
        removedTargets.add(new TargetRemoval(ids, null, null, target));
    }

    @Override
    public void removeTargetByTag(String tag, VariableSelector target) {
        removedTargets.add(new TargetRemoval(null, tag, null, target));
    }

    @Override
    public void removeTargetByMessage(String message, VariableSelector target) {
        removedTargets.add(new TargetRemoval(null, null, message, target));
    }

    @Override
    public void requestBodyProcessor(String processor) {
        this.bodyProcessor = processor;
        variables.processor(processor);
    }
    @Override public void requestBodyAccess(boolean on) { this.bodyAccess = on; }
    @Override public void forceRequestBodyVariable(boolean on) { this.forceBodyVariable = on; }
}
