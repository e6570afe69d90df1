package dev.pincer.correlator.context;

import dev.pincer.correlator.verdict.Decision;
import dev.pincer.correlator.verdict.Verdict;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Objects;

/**
 * What the correlator knows about one proxied request while it runs: who sent it, its inputs (as
 * the proxy extracted them; replaced once the body prefix is parsed), what the edge thought of it,
 * and what the sensor's checks decided. Written by the proxy's event loop (inputs, edge findings)
 * and the correlator's (decisions); every mutable field is volatile.
 *
 * <p>The correlator records a blocking decision before it writes the VERDICT, so by the time the
 * application's response reaches the proxy, {@link #blocked()} is already true.
 */
public final class RequestContext {
    private final String id;
    private final String requestId;
    private final String clientIp;
    private final String method;
    private final String path;
    private volatile RequestInputs inputs;
    private volatile List<String> edgeRuleIds = List.of();
    private volatile boolean suspect;
    private volatile Decision firstFinding;
    private volatile Decision blocking;

    RequestContext(String id, String requestId, String clientIp, String method, String path, RequestInputs inputs) {
        this.id = id;
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.clientIp = Objects.requireNonNull(clientIp, "clientIp");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    /** The context id: 32 hex characters, as in the header and CHECK frames. */
    public String id() {
        return id;
    }

    /** The public request id ({@code X-Request-Id}), as logged in the access log. */
    public String requestId() {
        return requestId;
    }

    public String clientIp() {
        return clientIp;
    }

    public String method() {
        return method;
    }

    /** The path as events print it (without the query string). */
    public String path() {
        return path;
    }

    public RequestInputs inputs() {
        return inputs;
    }

    /** Replaces the inputs, e.g. once the body prefix has been parsed; checks after this see them. */
    public void updateInputs(RequestInputs inputs) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    /**
     * The edge found something in this request that a sink decides (SQLi-looking input, say) but
     * did not block it: the sink will confirm or clear it. Adds to any rule ids marked before.
     */
    public synchronized void markSuspect(List<String> ruleIds) {
        Objects.requireNonNull(ruleIds, "ruleIds");
        if (!edgeRuleIds.isEmpty()) {
            List<String> all = new java.util.ArrayList<>(edgeRuleIds);
            all.addAll(ruleIds);
            ruleIds = all;
        }
        edgeRuleIds = List.copyOf(ruleIds);
        suspect = true;
    }

    public boolean suspect() {
        return suspect;
    }

    /** The edge rule ids marked so far, in order; empty when none. */
    public List<String> edgeRuleIds() {
        return edgeRuleIds;
    }

    /** True once a sink call of this request was blocked (hybrid mode). */
    public boolean blocked() {
        return blocking != null;
    }

    /** The decision that blocked a sink of this request, or {@code null}. */
    public Decision blockingDecision() {
        return blocking;
    }

    /** The first decision with a finding (block, monitor or observed), or {@code null}. */
    public Decision firstFinding() {
        return firstFinding;
    }

    /** Records a decision that had a finding; the first one of each kind (finding, block) is kept. */
    public synchronized void record(Decision d) {
        if (d.finding() == null) {
            return;
        }
        if (firstFinding == null) {
            firstFinding = d;
        }
        if (d.verdict() == Verdict.BLOCK && blocking == null) {
            blocking = d;
        }
    }

    @Override
    public String toString() {
        return "RequestContext[" + id + ", request " + requestId + "]";
    }
}
