package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.VariableValue;
import dev.pincer.signatures.action.Disruptive;
import dev.pincer.signatures.action.EngineMode;
import dev.pincer.signatures.action.RuntimeAction;
import dev.pincer.signatures.rule.Rule;
import dev.pincer.signatures.rule.Target;
import java.util.List;

/**
 * Runs the rules of one phase over one transaction, with libmodsecurity v3's semantics:
 * <ul>
 *   <li>each selected value, less exclusions, is transformed (once per chain prefix, cached) and
 *       tested; with {@code multiMatch}, the original and every changed intermediate value are;</li>
 *   <li>per matched value: MATCHED_VAR(S)(_NAME) update and {@code setvar} runs at once, whether
 *       or not the rest of the chain matches (so anomaly scores add up per match);</li>
 *   <li>a chain matches when each of its rules does, in order; then, innermost first, each rule's
 *       other actions run, and the head's message, flow and disruptive action apply;</li>
 *   <li>a rule that does not match clears the matched variables;</li>
 *   <li>DetectionOnly: disruptive actions are recorded as matches but interrupt nothing.</li>
 * </ul>
 * An {@code @rx} rule runs its regex only when the engine's {@link dev.pincer.signatures.prefilter.Prefilter}
 * says the value holds a literal of each of its clauses (one scan per distinct form of a value,
 * kept in the {@link TransformCache}; the rule's condition is in its {@link RulePlan}); a
 * skipped evaluation is a regex that provably does not match. Before selecting anything, a rule of a
 * {@link SelectionGroups} group is skipped whole when its condition fails on every value its
 * targets select (each value's verdicts are kept with its forms). Work is bounded: every operator
 * call costs the value's length (at least 1) from the transaction's budget, and every
 * {@link #CLOCK_EVERY} chars of work the phases' cost (CPU time, see {@link #phaseNanos}) is held
 * against the engine's time budget; past either the phase stops and the transaction is marked over budget.
 */
final class PhaseRunner {

    private PhaseRunner() {
    }

    /** Work between two looks at the clock: about 0.2 ms of CRS at its dearest per char. */
    static final long CLOCK_EVERY = 16 * 1024;

    static void run(RuleTransaction t, int phase) {
        if (t.mode == EngineMode.OFF || t.interruption != null || t.allowedAll || t.overBudget) {
            return;
        }
        if (t.allowedRequest && phase <= 2) {
            return;
        }
        t.phase = phase;
        t.phaseStarted = System.nanoTime();
        t.phaseCpuBase = -1;
        try {
            runRules(t, phase);
        } finally {
            t.clockedNanos += phaseNanos(t);
            t.phaseCpuBase = -1;
        }
    }

    /**
     * The most a stretch of wall time counts against the time budget: the stretch before a phase's
     * first budget check, or a light phase that never reaches one. Its work is at most
     * {@link #CLOCK_EVERY} chars, about 0.2 ms of CPU at CRS's dearest, so wall time beyond this
     * is the machine keeping the thread waiting (on a saturated box a benign 4 KiB form once spent
     * over 40 ms there, and was refused as over budget).
     */
    static final long WALL_STRETCH_MAX_NANOS = 2_000_000L;

    /**
     * The running phase's cost so far: wall time up to its first budget check (at most
     * {@link #CLOCK_EVERY} chars of work, and counted up to {@link #WALL_STRETCH_MAX_NANOS}), then
     * the thread's CPU time, so that a request is not charged for the time a busy machine kept it
     * waiting. Light phases never reach a check and never read the CPU clock.
     */
    private static long phaseNanos(RuleTransaction t) {
        if (t.phaseCpuBase < 0) {
            return wallStretch(System.nanoTime() - t.phaseStarted);
        }
        return t.phaseWallToBase + (CpuClock.now() - t.phaseCpuBase);
    }

    /** What a stretch of {@code nanos} of wall time counts against the time budget. */
    static long wallStretch(long nanos) {
        return Math.min(nanos, WALL_STRETCH_MAX_NANOS);
    }

    private static void runRules(RuleTransaction t, int phase) {
        RulePlan[] plans = t.engine.plans(phase);
        int i = 0;
        while (i < plans.length) {
            RulePlan plan = plans[i];
            Rule rule = plan.rule;
            if (t.removed(rule)) {
                i++;
                continue;
            }
            t.current = rule;
            if (t.matchedVars.size() > 0) {
                // emptied, not replaced: only the rule being evaluated (and its chain) reads them, and
                // what it selected from them was copied into its own list of values
                t.matchedVars.clear();
                t.matchedVarNames.clear();
            }
            boolean matched = evaluate(t, plan, rule, 0);
            if (t.overBudget) {
                return;
            }
            if (!matched) {
                i++;
                continue;
            }
            matchedHead(t, rule, phase);
            if (t.interruption != null || t.allowedAll) {
                return;
            }
            if (rule.disruptive() == Disruptive.ALLOW_PHASE && t.mode == EngineMode.ON) {
                return;
            }
            if (rule.disruptive() == Disruptive.ALLOW_REQUEST && t.mode == EngineMode.ON) {
                t.allowedRequest = true;
                if (phase <= 2) {
                    return;
                }
            }
            if (rule.skipAfter() != null) {
                i = t.rules.resumeIndex(phase, rule.skipAfter(), i);
            } else if (rule.skip() > 0) {
                i += 1 + rule.skip();
            } else {
                i++;
            }
        }
    }

    /** One rule of a chain (and, recursively, the rest of it). */
    private static boolean evaluate(RuleTransaction t, RulePlan plan, Rule head, int depth) {
        Rule rule = plan.rule;
        t.capturingRule = rule;
        boolean any = false;
        if (rule.isAction()) {
            any = true;
            if (!spend(t, 1)) {
                return false;
            }
            perMatch(t, rule);
        } else {
            List<VariableValue> values = t.scratch(depth);
            if (plan.group >= 0 && !t.groups.mayMatch(t, plan, values)) {
                spend(t, t.groups.work(plan));  // as if each value had been tested, for the same bound
                t.matchedVar = "";
                t.matchedVarName = "";
                return false;
            }
            List<Target> targets = rule.targets();  // indexed loops: no iterator per rule and value
            for (int i = 0, n = targets.size(); i < n; i++) {
                t.select(rule, head, targets.get(i), values);
            }
            for (int i = 0, n = values.size(); i < n; i++) {
                VariableValue v = values.get(i);
                if (test(t, plan, v)) {
                    any = true;
                }
                if (t.overBudget) {
                    return false;
                }
            }
        }
        if (!any) {
            t.matchedVar = "";
            t.matchedVarName = "";
            return false;
        }
        if (plan.chained != null && !evaluate(t, plan.chained, head, depth + 1)) {
            return false;
        }
        t.capturingRule = rule;
        List<RuntimeAction> actions = rule.actions();
        for (int i = 0, n = actions.size(); i < n; i++) {
            RuntimeAction a = actions.get(i);
            if (!a.perMatch()) {
                a.execute(t);
            }
        }
        return true;
    }

    /** Tests one value (and its intermediate forms under multiMatch); true when it matched. */
    private static boolean test(RuleTransaction t, RulePlan plan, VariableValue v) {
        Rule rule = plan.rule;
        int steps = rule.transformations().length;
        TransformCache.Forms forms = steps == 0 && plan.condition == null ? null : t.transforms.forms(v.value());
        boolean matched = false;
        if (rule.multiMatch()) {
            String previous = null;
            for (int s = 0; s <= steps; s++) {
                String value = s == 0 ? v.value() : forms.apply(plan, s);
                if (s > 0 && value.equals(previous)) {
                    continue;
                }
                previous = value;
                if (operator(t, plan, v, value, forms, s)) {
                    matched = true;
                }
                if (t.overBudget) {
                    return matched;
                }
            }
            return matched;
        }
        String value = steps == 0 ? v.value() : forms.apply(plan, steps);
        return operator(t, plan, v, value, forms, steps);
    }

    /** The operator on one form of a value ({@code steps} transformations made it). */
    private static boolean operator(RuleTransaction t, RulePlan plan, VariableValue v, String value,
                                    TransformCache.Forms forms, int steps) {
        Rule rule = plan.rule;
        if (!spend(t, Math.max(1, value.length()))) {
            return false;
        }
        boolean may = plan.condition == null
                || plan.condition.mayMatch(forms.bits(plan, steps, t.engine.prefilter()));
        boolean hit = may && matches(t, plan, value, forms);
        hit = hit != rule.negated();
        if (!hit) {
            return false;
        }
        String name = v.name();  // once: a benign CRS request has some 60 matches, each named three times
        t.matchedVar = value;
        t.matchedVarName = name;
        t.matchedVars.add(name, value);
        t.matchedVarNames.add(name, name);
        perMatch(t, rule);
        return true;
    }

    /**
     * The rule's operator on {@code value}. A pure operator's no-match is remembered in the value's
     * forms (and with them in the value memo), and a remembered one skips the operator: a browser's
     * headers meet the same regexes in every request. An answer given while the operator marked the
     * transaction incomplete (it could not judge) is never remembered. The work budget was charged
     * for the value before this either way.
     */
    private static boolean matches(RuleTransaction t, RulePlan plan, String value, TransformCache.Forms forms) {
        int slot = plan.missSlot;
        if (slot < 0 || forms == null) {
            return plan.rule.operator().matches(t, value);
        }
        if (forms.knownMiss(slot)) {
            return false;
        }
        int marks = t.incompleteMarks;
        boolean hit = plan.rule.operator().matches(t, value);
        if (!hit && t.incompleteMarks == marks) {
            forms.miss(slot, t.engine.missSlots());
        }
        return hit;
    }

    private static void perMatch(RuleTransaction t, Rule rule) {
        List<RuntimeAction> actions = rule.actions();
        for (int i = 0, n = actions.size(); i < n; i++) {
            RuntimeAction a = actions.get(i);
            if (a.perMatch()) {
                a.execute(t);
            }
        }
    }

    private static boolean spend(RuleTransaction t, long cost) {
        t.work += cost;
        if (t.work > t.engine.budget() || (t.work >= t.nextClock && outOfTime(t))) {
            t.overBudget = true;
            t.engine.counters().overBudget.increment();
            return false;
        }
        return true;
    }

    private static boolean outOfTime(RuleTransaction t) {
        t.nextClock = t.work + CLOCK_EVERY;
        if (t.phaseCpuBase < 0) {
            t.phaseWallToBase = wallStretch(System.nanoTime() - t.phaseStarted);
            t.phaseCpuBase = CpuClock.now();
        }
        return t.clockedNanos + phaseNanos(t) > t.engine.timeBudgetNanos();
    }

    /** The whole chain matched: record it, then apply the head's disruptive action. */
    private static void matchedHead(RuleTransaction t, Rule head, int phase) {
        t.current = head;
        String message = head.message() == null ? "" : head.message().expand(t);
        String logData = head.logData() == null ? "" : RuleMatch.cut(head.logData().expand(t));
        if (head.severity() >= 0 && head.severity() < t.highestSeverity) {
            t.highestSeverity = head.severity();
        }
        t.matches.add(new RuleMatch(head, t.matchedVarName, RuleMatch.cut(t.matchedVar), message, logData));
        if (t.mode != EngineMode.ON) {
            return;
        }
        switch (head.disruptive()) {
            case DENY -> t.interruption = new Interruption(head, Disruptive.DENY,
                    head.status() != 0 ? head.status() : 403, null, phase);
            case DROP -> t.interruption = new Interruption(head, Disruptive.DROP, 403, null, phase);
            case REDIRECT -> t.interruption = new Interruption(head, Disruptive.REDIRECT,
                    head.status() >= 300 && head.status() < 400 ? head.status() : 302,
                    head.redirect().expand(t), phase);
            case ALLOW -> t.allowedAll = true;
            default -> {
            }
        }
    }
}
