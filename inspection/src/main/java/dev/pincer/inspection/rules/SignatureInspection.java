package dev.pincer.inspection.rules;

import dev.pincer.config.RouteConfig;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import java.util.Objects;

/**
 * The rule engine as a participant of the inspection transaction: one compiled rule set (CRS and
 * the operator's own rules) for a configuration generation, run over every request of the routes
 * it applies to. Phases 1 and 2 run before anything goes upstream, phase 3 on the response head,
 * phase 5 when the request ends. Control label {@code rules}.
 */
public final class SignatureInspection implements Participant {

    public static final String CONTROL = "rules";

    private final SecLangEngine engine;
    private final RouteConfig.Incomplete incomplete;

    /**
     * @param engine     the compiled rule set
     * @param incomplete what a request the engine could not fully judge (its work budget, a body
     *                   beyond SecRequestBodyLimit with ProcessPartial) gets
     */
    public SignatureInspection(SecLangEngine engine, RouteConfig.Incomplete incomplete) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.incomplete = Objects.requireNonNull(incomplete, "incomplete");
    }

    @Override
    public String control() {
        return CONTROL;
    }

    @Override
    public Step open(Transaction tx) {
        return new RulesStep(engine, tx, incomplete);
    }

    public SecLangEngine engine() {
        return engine;
    }
}
