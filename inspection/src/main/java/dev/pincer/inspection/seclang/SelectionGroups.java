package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.Collection;
import dev.pincer.inspection.seclang.variables.VariableValue;
import dev.pincer.signatures.prefilter.Prefilter;
import dev.pincer.signatures.rule.Rule;
import dev.pincer.signatures.rule.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules that read the same request values through the same transformations share one prefilter
 * look per phase: each value judges every member of the group once (does the member's condition
 * hold on the value's literal bits?), and a member no value judged possible is skipped without
 * selecting or testing a value. CRS v4 has some 40 such groups for its 400 detection rules
 * ({@code ARGS|ARGS_NAMES|REQUEST_COOKIES|...} under {@code t:urlDecodeUni}, for one), so a
 * request no rule can match costs one verdict look per group and value instead of one operator
 * call per rule and value.
 *
 * <p>A value's verdicts are a pure function of its text under the rule set, like its forms and
 * bits, so they are kept in its {@link TransformCache.Forms} and travel with them through the
 * {@link ValueMemo}: a browser's headers, repeated in every request, are judged once, and later
 * requests only read the verdicts. Sound because the verdicts ignore exclusions (a member is judged
 * on every value its targets could select, a superset of what it selects). Only rules whose miss
 * has no effect but "not matched" take part: an {@code @rx} or {@code @pm} with a prefilter
 * condition, not negated, not {@code multiMatch}, and reading only collections that do not change
 * while a phase runs ({@link #STABLE}: what the request and response carry, not TX, MATCHED_*,
 * persistent collections or counts).
 *
 * <p>{@link Numbering} gives groups and members their numbers when the engine is built; an instance
 * holds one transaction's verdicts per member, worked out for a whole group on its first use in a
 * phase.
 */
final class SelectionGroups {

    /** Collections whose values are fixed for the whole of a phase once it started. */
    static final Set<String> STABLE = Set.of(
            "ARGS", "ARGS_NAMES", "ARGS_GET", "ARGS_GET_NAMES", "ARGS_POST", "ARGS_POST_NAMES",
            "QUERY_STRING", "REQUEST_URI", "REQUEST_URI_RAW", "REQUEST_FILENAME", "REQUEST_BASENAME",
            "REQUEST_LINE", "REQUEST_METHOD", "REQUEST_PROTOCOL", "PATH_INFO", "REQUEST_HEADERS",
            "REQUEST_HEADERS_NAMES", "REQUEST_COOKIES", "REQUEST_COOKIES_NAMES", "REQUEST_BODY",
            "FILES", "FILES_NAMES", "MULTIPART_PART_HEADERS", "XML", "REMOTE_ADDR",
            "RESPONSE_HEADERS", "RESPONSE_HEADERS_NAMES", "RESPONSE_BODY", "RESPONSE_CONTENT_TYPE",
            "RESPONSE_PROTOCOL", "STATUS_LINE");

    /** The group numbers of one rule set, while the engine is built; {@link #layout} then. */
    static final class Numbering {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<List<Integer>> members = new ArrayList<>();
        private final List<Prefilter.Condition> conditions = new ArrayList<>();
        private final Map<String, Integer> selections = new HashMap<>();  // by targets
        private final List<Integer> selectionOf = new ArrayList<>();      // by group
        private final List<Integer> groupOf = new ArrayList<>();          // by member

        /**
         * Makes {@code rule} (whose chain prefixes are {@code prefix}, whose operator has
         * {@code condition}) a member of its group: its member number, or -1 when it takes no part
         * ({@link #groupOf} gives the group). Members share targets, chain and the views their
         * conditions read, so one scan of each value serves them all.
         */
        int member(Rule rule, int[] prefix, Prefilter.Condition condition) {
            if (condition == null || rule.negated() || rule.multiMatch() || rule.targets().isEmpty()) {
                return -1;
            }
            StringBuilder key = new StringBuilder();
            for (Target t : rule.targets()) {
                if (t.count() || !STABLE.contains(t.collection())) {
                    return -1;
                }
                key.append(t).append('|');
            }
            String targets = key.toString();
            key.append('#').append(prefix.length == 0 ? -1 : prefix[prefix.length - 1]).append('#').append(condition.views());
            int id = ids.computeIfAbsent(key.toString(), k -> ids.size());
            if (id == members.size()) {
                members.add(new ArrayList<>());
                selectionOf.add(selections.computeIfAbsent(targets, k -> selections.size()));
            }
            int m = conditions.size();
            conditions.add(condition);
            members.get(id).add(m);
            groupOf.add(id);
            return m;
        }

        /** The group of member {@code m}. */
        int groupOf(int m) {
            return groupOf.get(m);
        }

        /** The groups as transactions read them. */
        Layout layout() {
            int[][] byGroup = new int[members.size()][];
            for (int g = 0; g < byGroup.length; g++) {
                byGroup[g] = members.get(g).stream().mapToInt(Integer::intValue).toArray();
            }
            return new Layout(byGroup, conditions.toArray(Prefilter.Condition[]::new),
                    selectionOf.stream().mapToInt(Integer::intValue).toArray(), selections.size());
        }
    }

    /**
     * The groups of one rule set, immutable: per group its members and its selection (groups with
     * the same targets share one: a phase selects its values once); per member its condition.
     */
    record Layout(int[][] members, Prefilter.Condition[] conditions, int[] selectionOf, int selections) {
    }

    private final Layout layout;
    private final int[] phase;      // per group: the phase its members were judged in, 0 = not yet
    private final boolean[] may;    // per member: some value of its group's selection may match it
    private final long[] work;      // per group: the chars its members' operators would have tested
    private final int[] selectionPhase;                 // per selection: the phase it was made in
    private final TransformCache.Forms[][] selected;   // per selection: the forms of its values
    private final int[] selectedCount;

    SelectionGroups(Layout layout) {
        this.layout = layout;
        this.phase = new int[layout.members().length];
        this.may = new boolean[layout.conditions().length];
        this.work = new long[layout.members().length];
        this.selectionPhase = new int[layout.selections()];
        this.selected = new TransformCache.Forms[layout.selections()][];
        this.selectedCount = new int[layout.selections()];
    }

    /**
     * True when {@code plan}'s rule may match a value it selects in the running phase; false when no
     * value its group selects passes its condition: no value can match then. {@code scratch} is an
     * empty list to select into; it is left empty.
     */
    boolean mayMatch(RuleTransaction t, RulePlan plan, List<VariableValue> scratch) {
        int phase = t.phase;
        int g = plan.group;
        if (this.phase[g] != phase) {
            compute(t, plan, phase, scratch);
            this.phase[g] = phase;
        }
        return may[plan.member];
    }

    /** The work {@code plan}'s group stands for in the phase {@link #mayMatch} last computed. */
    long work(RulePlan plan) {
        return work[plan.group];
    }

    private void compute(RuleTransaction t, RulePlan plan, int phase, List<VariableValue> scratch) {
        Rule rule = plan.rule;
        int g = plan.group;
        int sel = layout.selectionOf()[g];
        if (selectionPhase[sel] != phase) {
            List<Target> targets = rule.targets();
            for (int i = 0, n = targets.size(); i < n; i++) {
                Collection c = t.collection(targets.get(i).collection());
                if (c != null) {
                    c.select(targets.get(i), scratch);
                }
            }
            TransformCache.Forms[] forms = selected[sel];
            if (forms == null || forms.length < scratch.size()) {
                forms = new TransformCache.Forms[Math.max(8, scratch.size())];
                selected[sel] = forms;
            }
            for (int i = 0; i < scratch.size(); i++) {
                forms[i] = t.transforms.forms(scratch.get(i).value());
            }
            selectedCount[sel] = scratch.size();
            selectionPhase[sel] = phase;
            scratch.clear();
        }
        int[] members = layout.members()[g];
        Prefilter.Condition[] conditions = layout.conditions();
        for (int m : members) {
            may[m] = false;
        }
        Prefilter prefilter = t.engine.prefilter();
        int steps = rule.transformations().length;
        long chars = 0;
        TransformCache.Forms[] forms = selected[sel];
        for (int i = 0, n = selectedCount[sel]; i < n; i++) {
            TransformCache.Forms f = forms[i];
            chars += Math.max(1, f.apply(plan, steps).length());
            if (!f.judged(g)) {
                f.judge(g, layout.members().length, members, conditions, f.bits(plan, steps, prefilter), conditions.length);
            }
            for (int m : members) {
                if (f.may(m)) {
                    may[m] = true;
                }
            }
        }
        work[g] = chars;
    }
}
