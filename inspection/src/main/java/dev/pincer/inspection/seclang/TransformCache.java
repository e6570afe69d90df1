package dev.pincer.inspection.seclang;

import dev.pincer.signatures.rule.Rule;
import dev.pincer.signatures.transform.Transformation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each value is transformed once per distinct transformation chain prefix in a transaction
 * (CRS v4 has about 56 prefixes for some 700 rules). {@link Chains} numbers the prefixes of a rule
 * set when the engine is built; the cache keeps, per value (by identity), an array indexed by
 * prefix number.
 */
final class TransformCache {

    /** The prefix numbering of one rule set; immutable once built. */
    static final class Chains {
        private final Map<List<String>, Integer> ids = new HashMap<>();
        private final IdentityHashMap<Rule, int[]> byRule = new IdentityHashMap<>();

        void add(Rule rule) {
            Transformation[] ts = rule.transformations();
            int[] prefix = new int[ts.length];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < ts.length; i++) {
                names.add(ts[i].name());
                prefix[i] = ids.computeIfAbsent(List.copyOf(names), k -> ids.size());
            }
            byRule.put(rule, prefix);
        }

        int[] of(Rule rule) {
            return byRule.get(rule);
        }

        int size() {
            return ids.size();
        }
    }

    private final Chains chains;
    private final IdentityHashMap<String, String[]> results = new IdentityHashMap<>();

    TransformCache(Chains chains) {
        this.chains = chains;
    }

    /**
     * The value after the rule's first {@code steps} transformations; {@code steps} 0 gives the
     * value itself.
     */
    String apply(Rule rule, String value, int steps) {
        if (steps == 0) {
            return value;
        }
        int[] prefix = chains.of(rule);
        String[] done = results.computeIfAbsent(value, v -> new String[chains.size()]);
        int have = steps;
        while (have > 0 && done[prefix[have - 1]] == null) {
            have--;
        }
        String current = have == 0 ? value : done[prefix[have - 1]];
        Transformation[] ts = rule.transformations();
        for (int i = have; i < steps; i++) {
            current = ts[i].apply(current);
            done[prefix[i]] = current;
        }
        return current;
    }
}
