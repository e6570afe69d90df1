package dev.pincer.inspection.transaction;

import dev.pincer.inspection.request.HeaderField;
import java.util.List;
import java.util.Objects;

/**
 * What one phase of a transaction decided: go on, go on with the request marked suspect, or block
 * it with a status (and the headers that status needs, such as {@code Retry-After} on a 429).
 *
 * <p>Example: {@code Outcome.block(429, finding, List.of(new HeaderField("Retry-After", "3")))}.
 *
 * @param kind     continue, suspect or block
 * @param status   the status to answer a block with; 0 otherwise
 * @param findings what led to it; empty for {@link #CONTINUE}
 * @param headers  extra response headers for a block
 * @param anomalyThreshold for a block by anomaly scoring (the rule engine's), the score at which it
 *                 blocks: findings with a score are contributions toward it, and the policy may
 *                 ask whether the edge-class ones alone reach it; 0 when the block is not scored
 */
public record Outcome(Kind kind, int status, List<Finding> findings, List<HeaderField> headers, int anomalyThreshold) {
    /** Nothing found: the request goes on. */
    public static final Outcome CONTINUE = new Outcome(Kind.CONTINUE, 0, List.of(), List.of(), 0);

    public enum Kind { CONTINUE, SUSPECT, BLOCK }

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        findings = List.copyOf(findings);
        headers = List.copyOf(headers);
        if (kind == Kind.BLOCK && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a block needs a 4xx or 5xx status, not " + status);
        }
        if (kind != Kind.CONTINUE && findings.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs at least one finding");
        }
        anomalyThreshold = Math.max(0, anomalyThreshold);
    }

    /** An outcome not decided by anomaly scoring. */
    public Outcome(Kind kind, int status, List<Finding> findings, List<HeaderField> headers) {
        this(kind, status, findings, headers, 0);
    }

    public static Outcome block(int status, Finding finding) {
        return new Outcome(Kind.BLOCK, status, List.of(finding), List.of());
    }

    public static Outcome block(int status, Finding finding, List<HeaderField> headers) {
        return new Outcome(Kind.BLOCK, status, List.of(finding), headers);
    }

    public static Outcome suspect(List<Finding> findings) {
        return new Outcome(Kind.SUSPECT, 0, findings, List.of());
    }

    public boolean blocks() {
        return kind == Kind.BLOCK;
    }
}
