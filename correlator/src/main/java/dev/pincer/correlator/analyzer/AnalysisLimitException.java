package dev.pincer.correlator.analyzer;

import dev.pincer.inspection.verdict.AttackClass;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by an analyzer (or a tokenizer under it) when its analysis of one sink call would exceed
 * one of its hard work budgets: occurrence-search steps, occurrences kept, SQL tokens, and so on.
 * The call is then not judged "no finding" (that would be a fail-open an attacker can buy with a
 * long or repetitive argument) but decided by policy as an {@link AttackClass#ANALYSIS_LIMIT}
 * finding whose reason names the budget. Analyzers throw it only after judging what they could,
 * so a break-out found within the budget still wins. Cheap: no stack trace.
 *
 * <p>Example: a query with 300,000 tokens throws
 * {@code new AnalysisLimitException("sql_tokens", "the query has more than 262144 SQL tokens")},
 * which {@link #finding()} turns into the reason
 * {@code "analysis limit sql_tokens: the query has more than 262144 SQL tokens"}.
 */
public final class AnalysisLimitException extends RuntimeException {
    private final String budget;
    private final String detail;

    /**
     * @param budget which budget, a short snake_case name that is also the metric's label value
     *               space ({@code occurrence_work}, {@code sql_tokens})
     * @param detail what exceeded it, one human clause, never the argument itself
     */
    public AnalysisLimitException(String budget, String detail) {
        super(budget + ": " + detail, null, false, false);
        this.budget = Objects.requireNonNull(budget, "budget");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /**
     * The finding for an analyzer that threw instead of judging (a bug, or a parser that overflowed
     * its stack): the call could not be judged, so it is decided like a budget hit, by policy
     * ({@code protection.on_analysis_limit}, block by default), under budget {@code analyzer_failure}.
     * Passing it as "no finding" would hand anyone who finds the crashing input a bypass.
     */
    public static Finding failure(Object analyzer, Throwable e) {
        return new AnalysisLimitException("analyzer_failure", analyzer.getClass().getSimpleName() + " threw "
                + e.getClass().getSimpleName()).finding();
    }

    /** The budget's name, e.g. {@code occurrence_work}. */
    public String budget() {
        return budget;
    }

    /** The finding the call is decided by: class {@code analysis_limit}, no input, the budget as evidence. */
    public Finding finding() {
        return new Finding(AttackClass.ANALYSIS_LIMIT, null, List.of(budget), "analysis limit " + budget + ": " + detail);
    }
}
