package dev.pincer.signatures.operator;

/**
 * {@code @rbl ZONE}: in ModSecurity, a DNS query for the value (an address, reversed, under
 * {@code ZONE}: {@code 4.3.2.1.dnsbl.httpbl.org}) that matches when the block list knows it.
 * Pincer makes no DNS queries on the request path (they would stall it on a resolver and let the
 * client choose what is looked up), so it cannot judge this: each evaluation marks the
 * transaction incomplete with reason {@code rbl} ({@link OperatorContext#incomplete}) and does not
 * match. The incomplete-request policy then decides the request; it is never passed as if the
 * list had been asked. The argument is the zone, required, no macros.
 *
 * <p>Example: CRS 3.3's 910140 ({@code SecRule TX:REAL_IP "@rbl dnsbl.httpbl.org"}) runs only when
 * one of {@code tx.block_search_ip}, {@code tx.block_suspicious_ip}, {@code tx.block_harvester_ip}
 * or {@code tx.block_spammer_ip} is set; then every request it reaches is incomplete.
 */
final class Rbl implements Operator {

    /** The reason an evaluation gives {@link OperatorContext#incomplete}. */
    static final String REASON = "rbl";

    private final String zone;

    Rbl(String argument) {
        this.zone = argument.trim();
        if (zone.isEmpty()) {
            throw new IllegalArgumentException("@rbl needs the block list's DNS zone (e.g. dnsbl.httpbl.org)");
        }
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        ctx.incomplete(REASON);
        return false;
    }

    @Override
    public String toString() {
        return "@rbl " + zone;
    }
}
