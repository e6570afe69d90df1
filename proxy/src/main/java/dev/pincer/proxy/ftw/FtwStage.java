package dev.pincer.proxy.ftw;

import java.util.Arrays;

/**
 * One stage of one go-ftw test, ready to send: the request's bytes exactly as go-ftw writes them,
 * and what the stage expects.
 *
 * @param file the test file's name ({@code 942100.yaml})
 * @param group the folder it is in, the rule file's name ({@code REQUEST-942-APPLICATION-ATTACK-SQLI})
 * @param ruleId the file's {@code rule_id}
 * @param testId the test's {@code test_id}
 * @param stage the stage's 1-based index within its test
 */
record FtwStage(String file, String group, long ruleId, int testId, int stage, byte[] request, Expectation expect) {

    FtwStage {
        request = request.clone();
    }

    @Override
    public byte[] request() {
        return request.clone();
    }

    /** {@code 942100-3} (go-ftw's name for test 3 of rule 942100), with {@code /2} for a second stage. */
    String name() {
        return ruleId + "-" + testId + (stage > 1 ? "/" + stage : "");
    }

    FtwStage with(Expectation e) {
        return new FtwStage(file, group, ruleId, testId, stage, request, e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FtwStage s && s.file.equals(file) && s.testId == testId && s.stage == stage
                && Arrays.equals(s.request, request);
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + testId * 7 + stage;
    }

    @Override
    public String toString() {
        return name();
    }
}
