package dev.pincer.signatures.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled, immutable rule set: the rules of each phase in file order, the SecMarker positions
 * that {@code skipAfter} jumps to, and the engine settings. Thread-safe; one instance serves every
 * transaction of a configuration generation, and a reload builds a new one.
 */
public final class RuleSet {

    private final EngineSettings settings;
    private final List<List<Rule>> phases; // index 1..5
    private final Map<String, int[][]> markers; // marker -> its occurrences -> per-phase index of the first rule after it
    private final Map<Long, Rule> byId;

    RuleSet(EngineSettings settings, List<List<Rule>> phases, Map<String, List<int[]>> markers) {
        this.settings = settings;
        List<List<Rule>> copy = new ArrayList<>();
        Map<Long, Rule> ids = new HashMap<>();
        for (List<Rule> phase : phases) {
            copy.add(List.copyOf(phase));
            for (Rule r : phase) {
                ids.put(r.id(), r);
            }
        }
        this.phases = Collections.unmodifiableList(copy);
        Map<String, int[][]> m = new HashMap<>();
        markers.forEach((name, at) -> m.put(name, at.toArray(int[][]::new)));
        this.markers = Map.copyOf(m);
        this.byId = Map.copyOf(ids);
    }

    /** An empty rule set with default settings. */
    public static RuleSet empty() {
        List<List<Rule>> phases = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            phases.add(List.of());
        }
        return new RuleSet(EngineSettings.DEFAULTS, phases, Map.of());
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The chain heads of {@code phase} (1-5), in evaluation order. */
    public List<Rule> phase(int phase) {
        return phases.get(phase);
    }

    /**
     * Where evaluation resumes in {@code phase} when the rule at index {@code from} says
     * {@code skipAfter:marker}: the index of the first rule after the next such SecMarker, or the
     * phase's size when there is none after it (the rest of the phase is skipped, as in
     * ModSecurity).
     */
    public int resumeIndex(int phase, String marker, int from) {
        int[][] at = markers.get(marker);
        if (at != null) {
            for (int[] occurrence : at) {
                if (occurrence[phase] > from) {
                    return occurrence[phase];
                }
            }
        }
        return phases.get(phase).size();
    }

    /** The rule with {@code id}, or null. */
    public Rule rule(long id) {
        return byId.get(id);
    }

    /** The number of rules (chain heads) in all phases. */
    public int size() {
        return byId.size();
    }
}
