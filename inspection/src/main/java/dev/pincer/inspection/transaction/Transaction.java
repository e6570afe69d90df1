package dev.pincer.inspection.transaction;

import dev.pincer.inspection.body.BodyViews;
import dev.pincer.inspection.body.JsonParser;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.verdict.AttackClass;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One request's inspection at the edge, from its head to its close: the participants' steps, run
 * phase by phase, and what they found. Netty-free; the proxy drives it on the request's event loop
 * and acts on each phase's {@link Outcome}. Not thread-safe, and need not be.
 *
 * <p>The first block ends the request phases ({@link #blocked()} keeps it); suspect findings add
 * up ({@link #findings()}). A step that throws blocks the request with 500 and an
 * {@link AttackClass#ANALYSIS_LIMIT} finding: a request a participant could not judge is never
 * passed as if it had been judged.
 *
 * <p>Every non-continue outcome of a step goes through the request's <em>policy</em> first (the
 * proxy passes one built on {@code inspection.verdict.policy.Policy.edge}: the mode, the sensor's
 * presence): it may keep a block, turn it into a suspect, or answer CONTINUE (monitor mode: the
 * policy logs it, nothing is blocked and the later steps still run).
 *
 * <p>Example: {@code Transaction.open(id, peer, client, "*}{@code /api", head, participants)}, then
 * {@code requestHead()}; a 403 from the IP filter comes back before any upstream connection.
 */
public final class Transaction {
    private static final Step[] NONE = new Step[0];

    private final String id;
    private final InetAddress peer;
    private final InetAddress client;
    private final String route;
    private final RequestHead head;
    private final Step[] steps;
    private final String[] controls;
    private final UnaryOperator<Outcome> policy;
    private List<Finding> findings = List.of();
    private RequestInputs inputs;
    private Outcome blocked;
    private boolean bodyComplete;
    private boolean responseComplete;
    private boolean closed;

    private Transaction(String id, InetAddress peer, InetAddress client, String route, RequestHead head,
                        Step[] steps, String[] controls, UnaryOperator<Outcome> policy) {
        this.id = id;
        this.peer = peer;
        this.client = client;
        this.route = route;
        this.head = head;
        this.steps = steps;
        this.controls = controls;
        this.policy = policy;
    }

    /**
     * Opens the steps of {@code participants} for one request.
     *
     * @param id     the request id (events, logs, the correlator's context)
     * @param peer   the socket peer
     * @param client the client as the trust rules resolved it (the peer, or a forwarded address a
     *               trusted proxy gave)
     * @param route  the route's label ({@code host/prefix}), {@code -} for none
     * @param head   the request as the client sent it
     */
    public static Transaction open(String id, InetAddress peer, InetAddress client, String route, RequestHead head,
                                   List<Participant> participants) {
        return open(id, peer, client, route, head, participants, UnaryOperator.identity());
    }

    /**
     * As {@link #open(String, InetAddress, InetAddress, String, RequestHead, List)}, with the
     * request's policy: what each block or suspect of a step is turned into before it is acted on
     * (itself, a suspect, or CONTINUE when the mode only logs).
     */
    public static Transaction open(String id, InetAddress peer, InetAddress client, String route, RequestHead head,
                                   List<Participant> participants, UnaryOperator<Outcome> policy) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(policy, "policy");
        Transaction tx = new Transaction(id, peer, client, route, head, NONE, null, policy);
        if (participants.isEmpty()) {
            return tx;
        }
        List<Step> open = new ArrayList<>(participants.size());
        List<String> labels = new ArrayList<>(participants.size());
        for (Participant p : participants) {
            Step s;
            try {
                s = p.open(tx);
            } catch (RuntimeException e) {
                s = new FailedStep(e);
            }
            if (s != null) {
                open.add(s);
                labels.add(p.control());
            }
        }
        return open.isEmpty() ? tx
                : new Transaction(id, peer, client, route, head, open.toArray(NONE), labels.toArray(new String[0]),
                        policy);
    }

    public String id() {
        return id;
    }

    public InetAddress peer() {
        return peer;
    }

    public InetAddress client() {
        return client;
    }

    public String route() {
        return route;
    }

    public RequestHead head() {
        return head;
    }

    /** The inputs extracted from the request: from the head at first, with the body once it ended. */
    public RequestInputs inputs() {
        return inputs;
    }

    /** Set by the proxy after each extraction; the same object the correlator's context holds. */
    public void inputs(RequestInputs next) {
        this.inputs = next;
    }

    /** True once the request end was reached with the whole body seen (not cut at the prefix limit). */
    public boolean bodyComplete() {
        return bodyComplete;
    }

    /** True when no participant opened a step: the request streams at no extra cost. */
    public boolean idle() {
        return steps.length == 0;
    }

    public boolean needsRequestBody() {
        for (Step s : steps) {
            if (s.needsRequestBody()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The most body bytes a step needs held before the request end beyond the body prefix
     * ({@link Step#requestBodyHold()}); 0 when the prefix does. Ask after {@link #requestHead()}.
     * A step that throws asks nothing more: it already blocked or will, at its phase.
     */
    public long requestBodyHold() {
        long most = 0;
        for (Step s : steps) {
            try {
                most = Math.max(most, s.needsRequestBody() ? s.requestBodyHold() : 0);
            } catch (RuntimeException e) {
                // the step fails again at the phase it is run in, and blocks there with 500
            }
        }
        return most;
    }

    /**
     * The steps as readers of the body in the extraction's pass ({@link Step#bodyJson}): the first
     * step that wants the JSON gets it. A step that throws is not asked again here: it fails at its
     * own phase.
     */
    public BodyViews bodyViews() {
        return body -> {
            for (Step s : steps) {
                try {
                    JsonParser.Listener l = s.bodyJson(body);
                    if (l != null) {
                        return l;
                    }
                } catch (RuntimeException e) {
                    // judged at the step's request end, where a throw blocks with 500
                }
            }
            return null;
        };
    }

    /** True when some step reads the inputs ({@link Step#needsInputs()}). */
    public boolean needsInputs() {
        for (Step s : steps) {
            if (s.needsInputs()) {
                return true;
            }
        }
        return false;
    }

    public boolean needsResponseBody() {
        for (Step s : steps) {
            if (s.needsResponseBody()) {
                return true;
            }
        }
        return false;
    }

    public Outcome requestHead() {
        return run(Phase.REQUEST_HEAD, null, 0, 0, null);
    }

    /** A chunk of the body prefix; steps that do not need the body are not called. */
    public Outcome requestBody(byte[] chunk, int offset, int length) {
        return run(Phase.REQUEST_BODY, chunk, offset, length, null);
    }

    /** @param complete whether the whole body was seen (false: cut at the prefix limit) */
    public Outcome requestEnd(boolean complete) {
        this.bodyComplete = complete;
        return run(Phase.REQUEST_END, null, 0, 0, null);
    }

    public Outcome responseHead(ResponseHead response) {
        return run(Phase.RESPONSE_HEAD, null, 0, 0, response);
    }

    /** A chunk of the response body prefix, decoded (content coding undone), one char per byte. */
    public Outcome responseBody(byte[] chunk, int offset, int length) {
        return run(Phase.RESPONSE_BODY, chunk, offset, length, null);
    }

    /** @param complete whether the whole response body was seen and decoded (false: cut at the prefix, or undecodable) */
    public Outcome responseEnd(boolean complete) {
        this.responseComplete = complete;
        return run(Phase.RESPONSE_END, null, 0, 0, null);
    }

    /** Whether the response body the steps saw was whole; meaningful from {@link Step#responseEnd}. */
    public boolean responseComplete() {
        return responseComplete;
    }

    /** Every finding so far, suspect and block, in the order found. */
    public List<Finding> findings() {
        return findings;
    }

    /** The anomaly scores of the first step that keeps them (the rule engine), or null. */
    public AnomalyScore anomalyScore() {
        for (Step s : steps) {
            AnomalyScore a = s.anomalyScore();
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** The block that ended the request phases, or null. */
    public Outcome blocked() {
        return blocked;
    }

    /** True when some finding marked the request suspect and nothing blocked it. */
    public boolean suspect() {
        return blocked == null && !findings.isEmpty();
    }

    /** Tells every step how the request ended; once, later calls do nothing. Never throws. */
    public void close(Disposition disposition) {
        if (closed) {
            return;
        }
        closed = true;
        for (Step s : steps) {
            try {
                s.close(this, disposition);
            } catch (RuntimeException ignored) {
                // a participant's bookkeeping must not break the exchange's cleanup
            }
        }
    }

    private enum Phase { REQUEST_HEAD, REQUEST_BODY, REQUEST_END, RESPONSE_HEAD, RESPONSE_BODY, RESPONSE_END }

    private Outcome run(Phase phase, byte[] chunk, int offset, int length, ResponseHead response) {
        if (blocked != null) {
            return blocked;
        }
        boolean suspect = false;
        List<Finding> found = null;
        for (int i = 0; i < steps.length; i++) {
            Outcome o = call(steps[i], controls[i], phase, chunk, offset, length, response);
            if (o.kind() != Outcome.Kind.CONTINUE) {
                o = policy.apply(o);
            }
            if (o.kind() == Outcome.Kind.CONTINUE) {
                continue;
            }
            add(o.findings());
            if (o.blocks()) {
                blocked = o;
                return o;
            }
            suspect = true;
            if (found == null) {
                found = new ArrayList<>(2);
            }
            found.addAll(o.findings());
        }
        return suspect ? Outcome.suspect(found) : Outcome.CONTINUE;
    }

    private Outcome call(Step s, String control, Phase phase, byte[] chunk, int offset, int length,
                         ResponseHead response) {
        try {
            Outcome o = switch (phase) {
                case REQUEST_HEAD -> s.requestHead(this);
                case REQUEST_BODY -> s.needsRequestBody() ? s.requestBody(this, chunk, offset, length) : null;
                case REQUEST_END -> s.requestEnd(this);
                case RESPONSE_HEAD -> s.responseHead(this, response);
                case RESPONSE_BODY -> s.needsResponseBody() ? s.responseBody(this, chunk, offset, length) : null;
                case RESPONSE_END -> s.needsResponseBody() ? s.responseEnd(this) : null;
            };
            return o == null ? Outcome.CONTINUE : o;
        } catch (RuntimeException e) {
            return FailedStep.outcome(control, e);
        }
    }

    private void add(List<Finding> more) {
        if (findings.isEmpty()) {
            findings = new ArrayList<>(more.size() + 2);
        }
        findings.addAll(more);
    }

    /** A step that could not even be opened: it blocks the request at its head. */
    private record FailedStep(RuntimeException cause) implements Step {
        static Outcome outcome(String control, RuntimeException e) {
            return Outcome.block(500, new Finding(control, AttackClass.ANALYSIS_LIMIT, null,
                    "participant failed: " + e.getClass().getSimpleName(), 0));
        }

        @Override
        public Outcome requestHead(Transaction tx) {
            throw cause;
        }
    }
}
