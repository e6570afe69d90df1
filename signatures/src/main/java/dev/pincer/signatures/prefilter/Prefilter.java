package dev.pincer.signatures.prefilter;

import dev.pincer.signatures.macro.Macro;
import dev.pincer.signatures.regex.RequiredLiterals;
import dev.pincer.signatures.rule.Rule;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The required-literal prefilter of a rule set's {@code @rx} rules: each constant pattern gives
 * its required literals ({@link RequiredLiterals}), all of them go into one
 * {@link LiteralScanner}, and per distinct value one scan tells which rules can possibly match.
 * A rule whose condition fails on a value has a regex that provably does not match it, so the
 * engine skips that evaluation (for {@code !@rx} the result is then "matched"). Patterns with
 * macros, and patterns that give no literal, always run. Immutable and thread-safe.
 *
 * <p>Example: for {@code SecRule ARGS "@rx (?i)union\s+select" ...}, {@code scan("id=42")} holds
 * no bit of the rule's condition, so {@code mayMatch(rule, bits)} is false.
 */
public final class Prefilter {

    private final LiteralScanner scanner;
    private final Map<Rule, int[]> conditions = new IdentityHashMap<>();
    private final int rxRules;

    private Prefilter(Iterable<Rule> rules) {
        LiteralScanner.Ids ids = new LiteralScanner.Ids();
        int rx = 0;
        for (Rule r : rules) {
            if (r.operatorName() == null || !r.operatorName().equalsIgnoreCase("rx") || r.operator() == null) {
                continue;
            }
            rx++;
            if (r.operatorArgument() == null) {
                continue;
            }
            Macro argument = Macro.parse(r.operatorArgument());  // as Rx reads it
            if (!argument.isConstant()) {
                continue;
            }
            String pattern = argument.constant();
            List<String> literals = RequiredLiterals.of(pattern);
            if (literals == null) {
                continue;
            }
            int[] condition = new int[literals.size()];
            for (int k = 0; k < condition.length; k++) {
                condition[k] = ids.id(literals.get(k));
            }
            conditions.put(r, condition);
        }
        this.rxRules = rx;
        this.scanner = new LiteralScanner(ids.literals());
    }

    /** The prefilter of every {@code @rx} rule among {@code rules} (heads and chain children alike). */
    public static Prefilter of(Iterable<Rule> rules) {
        return new Prefilter(rules);
    }

    /** True when {@code rule} has a condition: its regex may be skipped on some values. */
    public boolean filters(Rule rule) {
        return conditions.containsKey(rule);
    }

    /** The literal bits of one value, for {@link #mayMatch}. */
    public long[] scan(CharSequence value) {
        return scanner.scan(value);
    }

    /**
     * False only when {@code rule}'s regex cannot match the value {@code bits} were scanned from;
     * true for rules without a condition.
     */
    public boolean mayMatch(Rule rule, long[] bits) {
        int[] condition = conditions.get(rule);
        if (condition == null) {
            return true;
        }
        for (int id : condition) {
            if ((bits[id >>> 6] & (1L << id)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Number of {@code @rx} rules seen, and of those with a condition. */
    public int rxRules() {
        return rxRules;
    }

    public int filteredRules() {
        return conditions.size();
    }

    public LiteralScanner scanner() {
        return scanner;
    }
}
