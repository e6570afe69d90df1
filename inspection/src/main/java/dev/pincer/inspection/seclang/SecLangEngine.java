package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.signatures.lang.RuleFileException;
import dev.pincer.signatures.prefilter.Prefilter;
import dev.pincer.signatures.rule.Rule;
import dev.pincer.signatures.rule.RuleSet;
import dev.pincer.signatures.rule.Target;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * A compiled rule set made ready to run: its transformation prefixes numbered, its variables
 * checked against what this engine fills, its persistent collections, and the work budget per
 * transaction. Immutable but for the persistent collections; one per configuration generation,
 * shared by every request. {@link #open} starts a transaction.
 */
public final class SecLangEngine {

    /**
     * Default work budget per transaction, in chars tested by operators: 16 Mi, about what CRS v4
     * at paranoia level 1 tests for a request with 64 KiB of arguments (each value meets some 250
     * operators). Past it the transaction is over budget and the incomplete-request policy
     * decides it. The trade-off: a lower budget bounds CPU tighter but rejects large benign
     * forms and JSON documents; bench/README.md has the cost per request.
     */
    public static final long DEFAULT_BUDGET = 16L << 20;

    /**
     * Default time budget per transaction: 40 ms of phase running time (the clock runs only while a
     * phase does, not while the body arrives), checked every {@link PhaseRunner#CLOCK_EVERY} chars
     * of work. It keeps issue 10's bound (no request costs more than 50 ms of inspection) where
     * the character budget alone does not: characters differ in cost by rule and value
     * (bench/README.md, "Worst cases"). Past it the transaction is over budget, exactly as past
     * {@link #DEFAULT_BUDGET}. It is the running thread's CPU time (after a phase's first
     * check), so a busy machine that keeps a benign request waiting does not put it over budget;
     * only what the request itself costs does.
     */
    public static final long DEFAULT_TIME_BUDGET_NANOS = 40_000_000L;

    /** The variables this engine fills; a rule naming another one is refused at load. */
    static final Set<String> SUPPORTED = Set.of(
            "ARGS", "ARGS_NAMES", "ARGS_GET", "ARGS_GET_NAMES", "ARGS_POST", "ARGS_POST_NAMES",
            "ARGS_COMBINED_SIZE", "QUERY_STRING", "REQUEST_URI", "REQUEST_URI_RAW", "REQUEST_FILENAME",
            "REQUEST_BASENAME", "REQUEST_LINE", "REQUEST_METHOD", "REQUEST_PROTOCOL", "PATH_INFO",
            "REQUEST_HEADERS", "REQUEST_HEADERS_NAMES", "REQUEST_COOKIES", "REQUEST_COOKIES_NAMES",
            "REQUEST_BODY", "REQUEST_BODY_LENGTH", "REQBODY_ERROR", "REQBODY_ERROR_MSG",
            "REQBODY_PROCESSOR", "REQBODY_PROCESSOR_ERROR", "URLENCODED_ERROR", "FILES", "FILES_NAMES",
            "FILES_SIZES", "FILES_COMBINED_SIZE", "MULTIPART_PART_HEADERS", "MULTIPART_STRICT_ERROR",
            "MULTIPART_BOUNDARY_QUOTED", "MULTIPART_BOUNDARY_WHITESPACE", "MULTIPART_DATA_BEFORE",
            "MULTIPART_DATA_AFTER", "MULTIPART_HEADER_FOLDING", "MULTIPART_LF_LINE",
            "MULTIPART_CRLF_LF_LINES", "MULTIPART_MISSING_SEMICOLON", "MULTIPART_INVALID_QUOTING",
            "MULTIPART_INVALID_PART", "MULTIPART_INVALID_HEADER_FOLDING", "MULTIPART_FILE_LIMIT_EXCEEDED",
            "MULTIPART_UNMATCHED_BOUNDARY", "MULTIPART_FILENAME", "MULTIPART_NAME", "XML",
            "REMOTE_ADDR", "REMOTE_HOST", "REMOTE_PORT", "UNIQUE_ID", "AUTH_TYPE", "TX", "MATCHED_VAR",
            "MATCHED_VAR_NAME", "MATCHED_VARS", "MATCHED_VARS_NAMES", "HIGHEST_SEVERITY", "RULE",
            "IP", "GLOBAL", "RESOURCE", "SESSION", "USER", "GEO", "DURATION", "RESPONSE_STATUS", "RESPONSE_PROTOCOL",
            "STATUS_LINE", "RESPONSE_HEADERS", "RESPONSE_HEADERS_NAMES", "RESPONSE_CONTENT_TYPE",
            "RESPONSE_CONTENT_LENGTH", "RESPONSE_BODY");

    /** Counters the engine keeps; the proxy exports them as metrics. */
    public static final class Counters {
        public final LongAdder overBudget = new LongAdder();
        public final LongAdder collectionFull = new LongAdder();
    }

    private final RuleSet rules;
    private final TransformCache.Chains chains = new TransformCache.Chains();
    private final SelectionGroups.Numbering groups = new SelectionGroups.Numbering();
    private final PersistentCollections persistent;
    private final Counters counters = new Counters();
    private final long budget;
    private final long timeBudgetNanos;
    private final Prefilter prefilter;
    private final RulePlan[][] plans = new RulePlan[6][];  // by phase, parallel to rules.phase(p)
    private final SelectionGroups.Layout groupLayout;
    /** Rules whose no-matches a value remembers ({@link RulePlan#missSlot}); counted while planning. */
    private int missSlots;
    /** Null when the operator keeps nothing of one request for the next ({@code protection.value_memo: false}). */
    private final ValueMemo memo;

    private SecLangEngine(RuleSet rules, long budget, long timeBudgetNanos, boolean valueMemo) {
        this.rules = rules;
        this.memo = valueMemo ? new ValueMemo() : null;
        this.budget = budget;
        this.timeBudgetNanos = timeBudgetNanos;
        this.persistent = new PersistentCollections(rules.settings().collectionTimeout(), System::currentTimeMillis);
        java.util.List<Rule> all = new java.util.ArrayList<>();
        for (int phase = 1; phase <= 5; phase++) {
            for (Rule head : rules.phase(phase)) {
                for (Rule r = head; r != null; r = r.chained()) {
                    check(r);
                    all.add(r);
                }
            }
        }
        this.prefilter = Prefilter.of(all);
        for (int phase = 1; phase <= 5; phase++) {
            java.util.List<Rule> list = rules.phase(phase);
            plans[phase] = new RulePlan[list.size()];
            for (int i = 0; i < list.size(); i++) {
                plans[phase][i] = plan(list.get(i));
            }
        }
        this.groupLayout = groups.layout();
    }

    private RulePlan plan(Rule rule) {
        RulePlan chained = rule.chained() == null ? null : plan(rule.chained());
        int[] prefix = chains.add(rule);
        Prefilter.Condition condition = prefilter.condition(rule);
        int member = groups.member(rule, prefix, condition);
        int miss = rule.operator().pure() && !rule.multiMatch() ? missSlots++ : -1;
        return new RulePlan(rule, chained, prefix, condition, member < 0 ? -1 : groups.groupOf(member), member, miss);
    }

    /** The plans of a phase's rules, index for index as {@code rules().phase(phase)}. */
    RulePlan[] plans(int phase) {
        return plans[phase];
    }

    /**
     * Readies {@code rules} with the default budget.
     *
     * @throws RuleFileException naming the rule that reads a variable this engine does not fill
     */
    public static SecLangEngine create(RuleSet rules) {
        return create(rules, DEFAULT_BUDGET);
    }

    public static SecLangEngine create(RuleSet rules, long budget) {
        return create(rules, budget, DEFAULT_TIME_BUDGET_NANOS);
    }

    /** @param timeBudgetNanos phase running time per transaction, at most (see {@link #DEFAULT_TIME_BUDGET_NANOS}) */
    public static SecLangEngine create(RuleSet rules, long budget, long timeBudgetNanos) {
        return create(rules, budget, timeBudgetNanos, true);
    }

    /**
     * @param valueMemo keep recurring values' forms across transactions ({@link ValueMemo}); false
     *                  works every value out afresh in every request, and keeps nothing between them
     */
    public static SecLangEngine create(RuleSet rules, long budget, long timeBudgetNanos, boolean valueMemo) {
        Objects.requireNonNull(rules, "rules");
        if (budget <= 0 || timeBudgetNanos <= 0) {
            throw new IllegalArgumentException("budgets must be positive");
        }
        return new SecLangEngine(rules, budget, timeBudgetNanos, valueMemo);
    }

    private static void check(Rule r) {
        for (java.util.List<Target> list : java.util.List.of(r.targets(), r.exclusions())) {
            for (Target t : list) {
                if (!SUPPORTED.contains(t.collection())) {
                    throw new RuleFileException(r.location(), "SecRule",
                            "variable " + t.collection() + " is not supported by Pincer's rule engine");
                }
                if (t.collection().equals("XML") && t.key() != null && !t.key().equals("/*")
                        && !t.key().equals("//@*")) {
                    throw new RuleFileException(r.location(), "SecRule",
                            "XML:" + t.key() + ": only the XPath selections /* and //@* are supported");
                }
            }
        }
    }

    /**
     * Runs this engine over ordinary requests for at most {@code maxNanos} ({@link EngineWarmUp}),
     * so that the first real requests find it warm; call once, before it serves.
     */
    public SecLangEngine warmUp(long maxNanos) {
        EngineWarmUp.run(this, maxNanos);
        return this;
    }

    /** Starts the rule transaction of one request; run its phases in order. */
    public RuleTransaction open(HttpData request) {
        return new RuleTransaction(this, request, memo);
    }

    /** A transaction that neither reads nor fills the {@link ValueMemo}: every value worked out afresh. */
    RuleTransaction openWithoutMemo(HttpData request) {
        return new RuleTransaction(this, request, null);
    }

    /** How many rules have a miss slot ({@link RulePlan#missSlot}). */
    int missSlots() {
        return missSlots;
    }

    /** The forms of recurring values, shared by this engine's transactions; null when it is off. */
    ValueMemo memo() {
        return memo;
    }

    public RuleSet rules() {
        return rules;
    }

    public Counters counters() {
        return counters;
    }

    long budget() {
        return budget;
    }

    long timeBudgetNanos() {
        return timeBudgetNanos;
    }

    TransformCache.Chains chains() {
        return chains;
    }

    /** The rule set's {@link SelectionGroups}. */
    SelectionGroups.Layout groupLayout() {
        return groupLayout;
    }

    /** The required-literal prefilter of the rule set's {@code @rx} rules. */
    Prefilter prefilter() {
        return prefilter;
    }

    PersistentCollections persistent() {
        return persistent;
    }
}
