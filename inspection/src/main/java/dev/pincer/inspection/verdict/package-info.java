/**
 * What a finding is about: {@link dev.pincer.inspection.verdict.AttackClass}, shared by the edge and
 * the sinks. The policy that turns the mode, the edge outcome, the sensor's presence and a sink
 * finding into an action is in {@code verdict.policy}.
 */
package dev.pincer.inspection.verdict;
