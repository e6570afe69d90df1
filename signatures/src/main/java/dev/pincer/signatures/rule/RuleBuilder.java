package dev.pincer.signatures.rule;

import dev.pincer.signatures.action.Action;
import dev.pincer.signatures.action.ActionSink;
import dev.pincer.signatures.action.Disruptive;
import dev.pincer.signatures.action.RuntimeAction;
import dev.pincer.signatures.lang.SourceLocation;
import dev.pincer.signatures.macro.Macro;
import dev.pincer.signatures.operator.Operator;
import dev.pincer.signatures.transform.Transformation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule under compilation: what its actions said, checked for combinations ModSecurity refuses,
 * until {@link RuleSetCompiler} builds the immutable {@link Rule}. Also used for
 * {@code SecDefaultAction}, whose facts the rules of its phase inherit.
 */
final class RuleBuilder implements ActionSink {

    final SourceLocation location;
    final boolean chainChild;
    RuleBuilder defaults; // SecDefaultAction of the phase when the rule was read, or null
    long id;
    int phase;
    boolean phaseSet;
    List<Target> targets = new ArrayList<>();
    List<Target> exclusions = new ArrayList<>();
    Operator operator;
    String operatorName = "";
    String operatorArgument = "";
    boolean negated;
    boolean reset;
    final List<Transformation> transformations = new ArrayList<>();
    boolean capture;
    boolean multiMatch;
    Boolean log;
    Boolean auditLog;
    Disruptive disruptive;
    int status;
    Macro redirect;
    Macro message;
    Macro logData;
    final List<String> tags = new ArrayList<>();
    final Map<String, String> metadata = new LinkedHashMap<>();
    int severity = -1;
    final List<RuntimeAction> actions = new ArrayList<>();
    int skip;
    String skipAfter;
    boolean chain;
    RuleBuilder next; // the chain child

    RuleBuilder(SourceLocation location, boolean chainChild) {
        this.location = location;
        this.chainChild = chainChild;
        this.phase = 2;
    }

    /** Applies {@code actions} in order; a chain child may not carry what only a chain head may. */
    void apply(List<Action> actionList) {
        for (Action a : actionList) {
            if (chainChild && headOnly(a.name())) {
                throw new IllegalArgumentException("action '" + a.name()
                        + "' can only be given to the first rule of a chain");
            }
            a.describe(this);
        }
    }

    private static boolean headOnly(String action) {
        return switch (action) {
            case "id", "phase", "msg", "logdata", "severity", "tag", "ver", "rev", "maturity",
                 "accuracy", "block", "deny", "drop", "pass", "allow", "redirect", "status",
                 "skip", "skipAfter" -> true;
            default -> false;
        };
    }

    List<Transformation> effectiveTransformations() {
        if (reset || defaults == null) {
            return transformations;
        }
        List<Transformation> all = new ArrayList<>(defaults.transformations);
        all.addAll(transformations);
        return all;
    }

    boolean effectiveLog() {
        return log != null ? log : defaults == null || defaults.log == null || defaults.log;
    }

    boolean effectiveAuditLog() {
        return auditLog != null ? auditLog : defaults == null || defaults.auditLog == null || defaults.auditLog;
    }

    /**
     * The disruptive action that runs: the rule's own, or, when it wrote none or {@code block},
     * the one of its phase's {@code SecDefaultAction} (as in ModSecurity); {@code PASS} without
     * either. A chain child has none of its own.
     */
    Disruptive effectiveDisruptive() {
        if (chainChild) {
            return Disruptive.PASS;
        }
        if (disruptive != null && disruptive != Disruptive.BLOCK) {
            return disruptive;
        }
        Disruptive fallback = defaults == null ? null : defaults.disruptive;
        return fallback == null || fallback == Disruptive.BLOCK ? Disruptive.PASS : fallback;
    }

    int effectiveStatus() {
        return status != 0 || defaults == null ? status : defaults.status;
    }

    // ---- ActionSink ----------------------------------------------------------------------------

    @Override public void id(long id) { this.id = id; }

    @Override
    public void phase(int phase) {
        this.phase = phase;
        this.phaseSet = true;
    }

    @Override public void message(Macro msg) { this.message = msg; }
    @Override public void logData(Macro logdata) { this.logData = logdata; }
    @Override public void tag(String tag) { tags.add(tag); }
    @Override public void metadata(String name, String value) { metadata.put(name, value); }
    @Override public void severity(int severity) { this.severity = severity; }

    @Override
    public void resetTransformations() {
        reset = true;
        transformations.clear();
    }

    @Override public void transformation(Transformation t) { transformations.add(t); }
    @Override public void chain() { chain = true; }

    @Override
    public void disruptive(Disruptive action) {
        this.disruptive = action;
    }

    @Override public void status(int status) { this.status = status; }
    @Override public void redirect(Macro url) { this.redirect = url; }
    @Override public void log(boolean log) { this.log = log; }
    @Override public void auditLog(boolean auditLog) { this.auditLog = auditLog; }
    @Override public void capture() { capture = true; }
    @Override public void multiMatch() { multiMatch = true; }
    @Override public void skip(int rules) { skip = rules; }
    @Override public void skipAfter(String marker) { skipAfter = marker; }
    @Override public void runtime(RuntimeAction action) { actions.add(action); }
}
