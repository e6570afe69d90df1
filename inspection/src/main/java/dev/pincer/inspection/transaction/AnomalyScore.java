package dev.pincer.inspection.transaction;

/**
 * A request's anomaly scores as the rule engine totals them (CRS: the blocking inbound and
 * outbound scores, which 949110 and 959100 compare with the thresholds), for the security event.
 *
 * <p>Example: {@code new AnomalyScore(10, 0)} for a request with two critical SQLi matches.
 *
 * @param inbound  the request's score
 * @param outbound the response's score
 */
public record AnomalyScore(int inbound, int outbound) {
}
