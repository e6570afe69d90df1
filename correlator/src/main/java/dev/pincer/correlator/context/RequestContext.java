package dev.pincer.correlator.context;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.correlator.verdict.Decision;
import dev.pincer.correlator.verdict.Verdict;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import java.util.Objects;

/**
 * What the correlator knows about one proxied request while it runs: who sent it, its inputs (as
 * the proxy extracted them, replaced once the body prefix is parsed, united with the app's own
 * view once a sensor sent it), what the edge thought of it, what the sensor's checks decided, and
 * how much analysis it used. Written by the proxy's event loop (inputs, edge findings), the
 * correlator's loops (app view, stopped sinks) and its analysis threads (decisions); every mutable
 * field is volatile and every compound update synchronized.
 *
 * <p>The correlator records a blocking decision before it writes the VERDICT, so by the time the
 * application's response reaches the proxy, {@link #blocked()} is already true. {@link #blocked()}
 * says a check of this request was decided as a block (the proxy replaces or cuts the response);
 * {@link #sinkStopped()} says such a verdict also reached the sensor in time, so a sink really did
 * not run. They differ when the sensor stopped waiting first (a late verdict): then the event says
 * {@code fail_open}, and the request must not be counted as one whose sink was stopped.
 */
public final class RequestContext {
    private final String id;
    private final String requestId;
    private final String clientIp;
    private final String method;
    private final String path;
    private final Mode mode;
    private volatile RequestInputs edgeInputs;
    private volatile AppView appView = AppView.EMPTY;
    private volatile RequestInputs inputs;
    private int stoppedSinks;
    private volatile boolean sinkStopped;
    private final AnalysisShare share = new AnalysisShare();
    private volatile List<String> edgeRuleIds = List.of();
    private volatile boolean suspect;
    private volatile Decision firstFinding;
    private volatile Decision blocking;

    RequestContext(String id, String requestId, String clientIp, String method, String path, RequestInputs inputs,
                   Mode mode) {
        this.id = id;
        this.mode = mode;
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.clientIp = Objects.requireNonNull(clientIp, "clientIp");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.edgeInputs = Objects.requireNonNull(inputs, "inputs");
        this.inputs = inputs;
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

    /**
     * The mode this request's sink checks are judged in (its route's {@code protection.mode}), or
     * {@code null} for the global {@code protection.mode}.
     */
    public Mode mode() {
        return mode;
    }

    /** What checks are judged against: the edge's inputs and the app's own view (see {@link #addAppView}). */
    public RequestInputs inputs() {
        return inputs;
    }

    /**
     * Replaces the edge's inputs, e.g. once the body prefix has been parsed; checks after this see
     * them. The app's view already added stays part of {@link #inputs()}.
     */
    public synchronized void updateInputs(RequestInputs inputs) {
        edgeInputs = Objects.requireNonNull(inputs, "inputs");
        this.inputs = appView.union(inputs);
    }

    /**
     * Adds the app's own view of this request (sensor protocol v2 INPUTS): {@link #inputs()}
     * becomes the union of the edge's inputs and these, skipping an entry equal by name and decoded
     * value to an edge input. At most 1024 entries and 256 Ki characters of app view are kept per
     * request; anything cut, or {@code truncated} (the sensor cut something), marks the request
     * truncated. Survives a later {@link #updateInputs}.
     *
     * @param inputs entries of source {@code APP_PARAMETER}, {@code APP_HEADER} or {@code APP_COOKIE}
     */
    public synchronized void addAppView(List<Input> inputs, boolean truncated) {
        Objects.requireNonNull(inputs, "inputs");
        appView = appView.plus(inputs, truncated);
        this.inputs = appView.union(edgeInputs);
    }

    /** The analysis this request used and is using, for the correlator's per-request share. */
    public AnalysisShare analysisShare() {
        return share;
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

    /**
     * True once a check of this request was decided as a block (hybrid mode), whether or not the
     * sensor still waited for that verdict: the proxy replaces or cuts the response either way.
     */
    public boolean blocked() {
        return blocking != null;
    }

    /**
     * True only while some block verdict of this request reached the sensor in time, so that a sink
     * really was stopped. False when every block was late (the sensor had given up and applied its
     * fail mode): count the request as blocked by the proxy, not as a stopped sink.
     */
    public boolean sinkStopped() {
        return sinkStopped;
    }

    /** A block verdict is about to be written to a sensor that is still waiting for it. */
    public synchronized void markSinkStopped() {
        sinkStopped = ++stoppedSinks > 0;
    }

    /** The sensor said (TIMEOUT) it stopped waiting for a block verdict counted by {@link #markSinkStopped}. */
    public synchronized void unmarkSinkStopped() {
        stoppedSinks = Math.max(0, stoppedSinks - 1);
        sinkStopped = stoppedSinks > 0;
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
