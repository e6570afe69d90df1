/**
 * The verdict policy, one pure part that both the proxy (edge outcomes) and the correlator (sink
 * findings) ask: {@link dev.pincer.inspection.verdict.policy.Policy}. Its own package, apart from
 * {@link dev.pincer.inspection.verdict.AttackClass}, because it reads the transaction's
 * {@code Outcome}, and the transaction's {@code Finding} names an attack class: in one package the
 * two would form a cycle.
 */
package dev.pincer.inspection.verdict.policy;
