package dev.pincer.inspection.ratelimit;

import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import java.util.List;

/**
 * The rate limits of one route: at the request head, one token per limit, each from the bucket of
 * the request's key ({@link RateKeys}). The first limit without a token blocks with 429 and a
 * {@code Retry-After} in whole seconds (at least 1). Stateless per request: it is its own step.
 *
 * <p>Example: {@code 10/s burst 20}: the 21st request in one instant gets
 * {@code 429, Retry-After: 1, Finding("rate_limit", RATE_LIMIT, null, "rate limit per_ip ...")}.
 */
final class RateLimitParticipant implements Participant, Step {
    private final Limit[] limits;
    private final String[] prefixes;
    private final RateStore store;

    RateLimitParticipant(List<Limit> limits, RateStore store) {
        this.limits = limits.toArray(new Limit[0]);
        this.prefixes = new String[this.limits.length];
        for (int i = 0; i < this.limits.length; i++) {
            prefixes[i] = RateStore.prefix(this.limits[i]);
        }
        this.store = store;
    }

    List<Limit> limits() {
        return List.of(limits);
    }

    @Override
    public String control() {
        return RateLimits.CONTROL;
    }

    @Override
    public Step open(Transaction tx) {
        return this;
    }

    @Override
    public Outcome requestHead(Transaction tx) {
        for (int i = 0; i < limits.length; i++) {
            Limit l = limits[i];
            String key = RateKeys.key(l, tx);
            long wait = store.acquireKeyed(prefixes[i] + key, l);
            if (wait > 0) {
                long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                return Outcome.block(429, new Finding(RateLimits.CONTROL, AttackClass.RATE_LIMIT, null,
                        "rate limit " + l.name() + " (" + l.tokens() + " per " + l.per() + ", burst " + l.burst()
                                + ") exceeded by " + RateKeys.describe(l, key), 0),
                        List.of(new HeaderField("Retry-After", Long.toString(seconds))));
            }
        }
        return Outcome.CONTINUE;
    }
}
