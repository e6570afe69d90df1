package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.Collection;
import dev.pincer.inspection.seclang.variables.VariableValue;
import dev.pincer.signatures.prefilter.Prefilter;
import dev.pincer.signatures.rule.Rule;
import dev.pincer.signatures.rule.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules that read the same request values through the same transformations share one prefilter
 * look per phase: a group's bits are the OR of the literal bits of every value its targets select
 * (exclusions ignored, so it is a superset of what any member selects), and a member whose
 * condition fails on them is skipped without selecting or testing a value. CRS v4 has some 40
 * such groups for its 400 detection rules ({@code ARGS|ARGS_NAMES|REQUEST_COOKIES|...} under
 * {@code t:urlDecodeUni}, for one), so a request no rule can match costs one condition check per
 * rule instead of one per rule and value.
 *
 * <p>Sound because a condition is a conjunction of clauses, each a disjunction of literals: if
 * one clause finds none of its literals in the union of the values' bits, it finds none in any
 * value, so the rule's operator matches no value. Only rules whose miss has no effect but "not
 * matched" take part: an {@code @rx} or {@code @pm} with a prefilter condition, not negated, not {@code multiMatch}, and
 * reading only collections that do not change while a phase runs ({@link #STABLE}: what the
 * request and response carry, not TX, MATCHED_*, persistent collections or counts).
 *
 * <p>{@link Numbering} gives groups their numbers when the engine is built; an instance holds one
 * transaction's bits, computed on first use in a phase.
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

    /** The group numbers of one rule set; built with the engine, read-only afterwards. */
    static final class Numbering {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<java.util.TreeSet<Integer>> words = new java.util.ArrayList<>();

        /**
         * The group of {@code rule} (whose chain prefixes are {@code prefix}, whose regex has
         * {@code condition}), or -1 when it takes no part. Members share targets, chain and the
         * views their conditions read, so one member's scan serves them all.
         */
        int of(Rule rule, int[] prefix, Prefilter.Condition condition) {
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
            key.append('#').append(prefix.length == 0 ? -1 : prefix[prefix.length - 1]).append('#').append(condition.views());
            int id = ids.computeIfAbsent(key.toString(), k -> ids.size());
            if (id == words.size()) {
                words.add(new java.util.TreeSet<>());
            }
            for (int w : condition.words()) {
                words.get(id).add(w);
            }
            return id;
        }

        /** Per group, the bit words its members' conditions read: all its union needs to hold. */
        int[][] words() {
            int[][] out = new int[words.size()][];
            for (int g = 0; g < out.length; g++) {
                out[g] = words.get(g).stream().mapToInt(Integer::intValue).toArray();
            }
            return out;
        }

        int size() {
            return ids.size();
        }
    }

    private final int[][] needs;    // per group, the bit words its members read
    private final int[] phase;      // the phase a group's bits were computed in, 0 = not yet
    private final long[][] bits;
    private final long[] work;      // the chars its members' operators would have tested per value

    SelectionGroups(int[][] needs) {
        int groups = needs.length;
        this.needs = needs;
        this.phase = new int[groups];
        this.bits = new long[groups][];
        this.work = new long[groups];
    }

    /**
     * True when {@code plan}'s rule may match a value it selects in {@code phase}; false when its
     * condition fails on its group's bits: no value can match then. {@code scratch} is an empty
     * list to select into; it is left empty.
     */
    boolean mayMatch(RuleTransaction t, RulePlan plan, int phase, List<VariableValue> scratch) {
        int g = plan.group;
        if (this.phase[g] != phase) {
            compute(t, plan, scratch);
            this.phase[g] = phase;
        }
        return plan.condition.mayMatch(bits[g]);
    }

    /** The work {@code plan}'s group stands for in the phase {@link #mayMatch} last computed. */
    long work(RulePlan plan) {
        return work[plan.group];
    }

    private void compute(RuleTransaction t, RulePlan plan, List<VariableValue> scratch) {
        Rule rule = plan.rule;
        for (Target target : rule.targets()) {
            Collection c = t.collection(target.collection());
            if (c != null) {
                c.select(target, scratch);
            }
        }
        int steps = rule.transformations().length;
        int[] need = needs[plan.group];
        long[] union = bits[plan.group];
        if (union == null) {
            union = new long[t.engine.prefilter().words()];
            bits[plan.group] = union;
        } else {
            java.util.Arrays.fill(union, 0);
        }
        long chars = 0;
        for (int i = 0; i < scratch.size(); i++) {
            TransformCache.Forms forms = t.transforms.forms(scratch.get(i).value());
            chars += Math.max(1, forms.apply(plan, steps).length());
            long[] b = forms.bits(plan, steps, t.engine.prefilter());
            for (int w : need) {
                union[w] |= b[w];
            }
        }
        scratch.clear();
        work[plan.group] = chars;
    }
}
