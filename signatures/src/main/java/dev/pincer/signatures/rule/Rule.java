package dev.pincer.signatures.rule;

import dev.pincer.signatures.action.Disruptive;
import dev.pincer.signatures.action.RuntimeAction;
import dev.pincer.signatures.lang.SourceLocation;
import dev.pincer.signatures.macro.Macro;
import dev.pincer.signatures.operator.Operator;
import dev.pincer.signatures.transform.Transformation;
import java.util.List;
import java.util.Map;

/**
 * One compiled, immutable rule ({@code SecRule} or {@code SecAction}), with its chain children.
 * Built by {@link RuleSetCompiler}; evaluated by the engine in {@code inspection/}. The default
 * action of its phase ({@code SecDefaultAction}) is already folded in: the transformations start
 * with the default's (unless {@code t:none}), {@code block} is resolved to the default's
 * disruptive action, and {@code log}/{@code auditlog} come from the default unless set.
 *
 * <p>A chain child ({@link #isChainChild()}) has no id, phase, disruptive action or metadata of
 * its own: the chain's head carries them, and its runtime actions run once the whole chain
 * matched.
 */
public final class Rule {

    private final long id;
    private final int phase;
    private final SourceLocation location;
    private final List<Target> targets;
    private final List<Target> exclusions;
    private final Operator operator;
    private final String operatorName;
    private final String operatorArgument;
    private final boolean negated;
    private final Transformation[] transformations;
    private final boolean capture;
    private final boolean multiMatch;
    private final boolean log;
    private final boolean auditLog;
    private final Disruptive disruptive;
    private final boolean blockWritten;
    private final int status;
    private final Macro redirect;
    private final Macro message;
    private final Macro logData;
    private final List<String> tags;
    private final Map<String, String> metadata;
    private final int severity;
    private final List<RuntimeAction> actions;
    private final int skip;
    private final String skipAfter;
    private final Rule chained;
    private final boolean chainChild;

    Rule(RuleBuilder b, Rule chained) {
        this.id = b.id;
        this.phase = b.phase;
        this.location = b.location;
        this.targets = List.copyOf(b.targets);
        this.exclusions = List.copyOf(b.exclusions);
        this.operator = b.operator;
        this.operatorName = b.operatorName;
        this.operatorArgument = b.operatorArgument;
        this.negated = b.negated;
        this.transformations = b.effectiveTransformations().toArray(Transformation[]::new);
        this.capture = b.capture;
        this.multiMatch = b.multiMatch;
        this.log = b.effectiveLog();
        this.auditLog = b.effectiveAuditLog();
        this.disruptive = b.effectiveDisruptive();
        this.blockWritten = b.disruptive == Disruptive.BLOCK;
        this.status = b.effectiveStatus();
        this.redirect = b.redirect;
        this.message = b.message;
        this.logData = b.logData;
        this.tags = List.copyOf(b.tags);
        this.metadata = Map.copyOf(b.metadata);
        this.severity = b.severity;
        this.actions = List.copyOf(b.actions);
        this.skip = b.skip;
        this.skipAfter = b.skipAfter;
        this.chained = chained;
        this.chainChild = b.chainChild;
    }

    /** The id; 0 for a chain child. */
    public long id() { return id; }

    /** 1 to 5. */
    public int phase() { return phase; }

    /** Where the rule was written. */
    public SourceLocation location() { return location; }

    /** The variables to inspect, in the order written; empty for {@code SecAction}. */
    public List<Target> targets() { return targets; }

    /** The {@code !VAR:key} exclusions, written inline or added by {@code SecRuleUpdateTarget*}. */
    public List<Target> exclusions() { return exclusions; }

    public Operator operator() { return operator; }

    /** The operator's name as written, without {@code @} ({@code rx}). */
    public String operatorName() { return operatorName; }

    /** The operator's argument as written. */
    public String operatorArgument() { return operatorArgument; }

    /** {@code !@rx}: the rule matches when the operator does not. */
    public boolean negated() { return negated; }

    /** The transformation chain, applied in order; shared, never modify. */
    public Transformation[] transformations() { return transformations; }

    public boolean capture() { return capture; }

    public boolean multiMatch() { return multiMatch; }

    public boolean log() { return log; }

    public boolean auditLog() { return auditLog; }

    /** The disruptive action after {@code block} is resolved; {@code PASS} when none applies. */
    public Disruptive disruptive() { return disruptive; }

    /** True when the rule said {@code block} (events report it as a blocking rule). */
    public boolean blockWritten() { return blockWritten; }

    /** The {@code status:} given, or 0. */
    public int status() { return status; }

    /** The {@code redirect:} URL, or null. */
    public Macro redirect() { return redirect; }

    /** {@code msg}, or null. */
    public Macro message() { return message; }

    /** {@code logdata}, or null. */
    public Macro logData() { return logData; }

    public List<String> tags() { return tags; }

    /** {@code ver}, {@code rev}, {@code maturity}, {@code accuracy} as written. */
    public Map<String, String> metadata() { return metadata; }

    /** 0 to 7, or -1 when not given. */
    public int severity() { return severity; }

    /** setvar, expirevar, initcol and ctl, in the order written. */
    public List<RuntimeAction> actions() { return actions; }

    /** {@code skip:N}, or 0. */
    public int skip() { return skip; }

    /** {@code skipAfter} marker, or null. */
    public String skipAfter() { return skipAfter; }

    /** The next rule of the chain, or null. */
    public Rule chained() { return chained; }

    public boolean isChainChild() { return chainChild; }

    /** True for {@code SecAction} and {@code @unconditionalMatch} rules without variables. */
    public boolean isAction() { return targets.isEmpty(); }

    @Override
    public String toString() {
        return (chainChild ? "chained rule" : "rule " + id) + " (" + location + ")";
    }
}
