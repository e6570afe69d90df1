package dev.pincer.inspection.rules;

import dev.pincer.config.RouteConfig;
import dev.pincer.config.RuleExclusions;
import dev.pincer.inspection.seclang.RuleTransaction;
import dev.pincer.signatures.action.IdRanges;
import dev.pincer.signatures.lang.VariableParser;
import dev.pincer.signatures.lang.VariableSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import java.util.Objects;

/**
 * The rule engine as a participant of the inspection transaction: one compiled rule set (CRS and
 * the operator's own rules) for a configuration generation, run over every request of the routes
 * it applies to. Phases 1 and 2 run before anything goes upstream, phase 3 on the response head,
 * phase 5 when the request ends. Control label {@code rules}; metrics in {@link RuleMetrics}.
 */
public final class SignatureInspection implements Participant {

    public static final String CONTROL = "rules";

    private final SecLangEngine engine;
    private final RouteConfig.Incomplete incomplete;
    private final List<Consumer<RuleTransaction>> exclusions;
    private final RuleMetrics metrics;
    private final int bodyPrefixBytes;

    /**
     * @param engine     the compiled rule set
     * @param incomplete what a request the engine could not fully judge (its work budget, a body
     *                   beyond SecRequestBodyLimit with ProcessPartial) gets
     * @param exclusions the route's rule exclusions, applied to each transaction before phase 1
     * @param bodyPrefixBytes the proxy's body prefix ({@code protection.body_prefix_bytes}): the
     *                   most non-file bytes of a multipart body parsed as it streams
     *                   (ModSecurity's SecRequestBodyNoFilesLimit)
     * @throws IllegalArgumentException for an exclusion target that is not one variable
     */
    public SignatureInspection(SecLangEngine engine, RouteConfig.Incomplete incomplete, RuleExclusions exclusions,
                               RuleMetrics metrics, int bodyPrefixBytes) {
        if (bodyPrefixBytes < 0) {
            throw new IllegalArgumentException("bodyPrefixBytes: " + bodyPrefixBytes + " (expected: 0 or more)");
        }
        this.bodyPrefixBytes = bodyPrefixBytes;
        this.engine = Objects.requireNonNull(engine, "engine");
        this.incomplete = Objects.requireNonNull(incomplete, "incomplete");
        this.exclusions = compile(exclusions);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** With the default body prefix. */
    public SignatureInspection(SecLangEngine engine, RouteConfig.Incomplete incomplete, RuleExclusions exclusions,
                               RuleMetrics metrics) {
        this(engine, incomplete, exclusions, metrics, dev.pincer.config.ProtectionConfig.DEFAULT_BODY_PREFIX_BYTES);
    }

    public SignatureInspection(SecLangEngine engine, RouteConfig.Incomplete incomplete) {
        this(engine, incomplete, RuleExclusions.NONE, RuleMetrics.unregistered());
    }

    private static List<Consumer<RuleTransaction>> compile(RuleExclusions ex) {
        List<Consumer<RuleTransaction>> out = new ArrayList<>();
        for (String ids : ex.ids()) {
            IdRanges r = IdRanges.parse(ids);
            out.add(t -> t.removeRules(r));
        }
        for (String tag : ex.tags()) {
            out.add(t -> t.removeRulesByTag(tag));
        }
        for (RuleExclusions.Target target : ex.targets()) {
            List<VariableSelector> v = VariableParser.parse(target.target());
            if (v.size() != 1 || v.get(0).count() || v.get(0).exclude()) {
                throw new IllegalArgumentException("rule_exclusions target '" + target.target()
                        + "' (expected one variable such as ARGS:password)");
            }
            VariableSelector selector = v.get(0);
            if (target.ids() != null) {
                IdRanges r = IdRanges.parse(target.ids());
                out.add(t -> t.removeTarget(r, selector));
            } else {
                out.add(t -> t.removeTargetByTag(target.tag(), selector));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String control() {
        return CONTROL;
    }

    @Override
    public Step open(Transaction tx) {
        return new RulesStep(engine, tx, incomplete, exclusions, metrics, bodyPrefixBytes);
    }

    public SecLangEngine engine() {
        return engine;
    }
}
