/**
 * What the edge and the sinks decide together: the attack classes and the policy that turns the
 * mode, the edge outcome, the sensor's presence and a sink finding into an action.
 */
package dev.pincer.inspection.verdict;
