package dev.pincer.proxy.ftw;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one go-ftw stage expects ({@code output:}): the rule ids that must and must not log, the
 * status (any of a list), a regex the stage's rule-log lines must or must not match, or an error
 * instead of a response. Null or empty means "not checked".
 */
record Expectation(Set<Long> expectIds, Set<Long> noExpectIds, List<Integer> status,
                   Pattern matchRegex, Pattern noMatchRegex, boolean expectError) {

    Expectation {
        expectIds = Set.copyOf(expectIds);
        noExpectIds = Set.copyOf(noExpectIds);
        status = List.copyOf(status);
    }

    /**
     * Why the stage's result does not meet this expectation, or null when it does.
     *
     * @param result what the proxy answered (or that it did not)
     * @param fired the ids with a rule-log line for the stage
     * @param log the stage's rule-log lines, joined by newlines
     */
    String mismatch(StageResult result, Set<Long> fired, String log) {
        StringBuilder why = new StringBuilder();
        if (expectError != result.failed()) {
            why.append(expectError ? "expected an error, got status " + result.status()
                    : "no response (" + result.error() + ")").append("; ");
        }
        if (!status.isEmpty() && !result.failed() && !status.contains(result.status())) {
            why.append("expected status ").append(status).append("; ");
        }
        Set<Long> missing = new java.util.TreeSet<>(expectIds);
        missing.removeAll(fired);
        if (!missing.isEmpty()) {
            why.append("missing ").append(missing).append("; ");
        }
        Set<Long> unwanted = new java.util.TreeSet<>(noExpectIds);
        unwanted.retainAll(fired);
        if (!unwanted.isEmpty()) {
            why.append("unwanted ").append(unwanted).append("; ");
        }
        if (matchRegex != null && !matchRegex.matcher(log).find()) {
            why.append("no log line matches /").append(matchRegex.pattern()).append("/; ");
        }
        if (noMatchRegex != null && noMatchRegex.matcher(log).find()) {
            why.append("a log line matches /").append(noMatchRegex.pattern()).append("/; ");
        }
        return why.isEmpty() ? null : why.substring(0, why.length() - 2);
    }
}
