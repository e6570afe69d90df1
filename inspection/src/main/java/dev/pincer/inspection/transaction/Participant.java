package dev.pincer.inspection.transaction;

/**
 * One edge control or the rule engine, as the transaction sees it: compiled once per config
 * generation, immutable, shared by every request of the routes it applies to. For each request it
 * opens a {@link Step} (or declines, at no cost), which then takes part in the phases.
 *
 * <p>Example: the IP filter opens a step only to answer its request-head phase; the upload
 * detector opens one only for a request that carries a body, and says it needs that body.
 */
public interface Participant {
    /** The label in metrics and events: {@code pincer_edge_blocks_total{control="ip_filter"}}. */
    String control();

    /**
     * This participant's work for one request, or null when it has nothing to do for it. Called
     * once, before the request-head phase; must not block.
     */
    Step open(Transaction tx);
}
