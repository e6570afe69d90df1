package dev.pincer.correlator.drift;

import java.io.IOException;
import java.util.List;

/**
 * A baseline file that does not parse. The message has one line per problem, each naming the file
 * and line: {@code /etc/pincer/baseline.txt:3: "xyz" is not a SHA-256 (expected: 64 hex digits)}.
 */
public final class BaselineFormatException extends IOException {
    private final List<String> problems;

    public BaselineFormatException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, {@code file:line: what (expected: ...)}. */
    public List<String> problems() {
        return problems;
    }
}
