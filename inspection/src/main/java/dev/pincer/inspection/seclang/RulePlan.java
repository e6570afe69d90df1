package dev.pincer.inspection.seclang;

import dev.pincer.signatures.prefilter.Prefilter;
import dev.pincer.signatures.rule.Rule;

/**
 * What the engine works out once per rule when it is built, so that evaluating a rule on a value
 * reads fields instead of looking the rule up in maps (three identity-map lookups per rule and
 * value were a fifth of a JSON body's inspection time): the rule, the plan of its chained rule,
 * the numbers of its transformation chain's prefixes ({@link TransformCache.Chains}) and its
 * prefilter condition (null when its operator always runs) and its selection group. Immutable.
 */
final class RulePlan {
    final Rule rule;
    final RulePlan chained;
    /** {@code prefix[i]}: the number of the chain of the rule's first {@code i + 1} transformations. */
    final int[] prefix;
    final Prefilter.Condition condition;
    /** The rule's {@link SelectionGroups} group and member numbers, or -1 when it takes part in none. */
    final int group;
    final int member;
    /**
     * The rule's bit in a value's remembered no-matches ({@code TransformCache.Forms}), or -1 when
     * its operator is not pure or it runs under multiMatch (several forms of one value per rule).
     */
    final int missSlot;

    RulePlan(Rule rule, RulePlan chained, int[] prefix, Prefilter.Condition condition, int group, int member,
             int missSlot) {
        this.rule = rule;
        this.chained = chained;
        this.prefix = prefix;
        this.condition = condition;
        this.group = group;
        this.member = member;
        this.missSlot = missSlot;
    }
}
