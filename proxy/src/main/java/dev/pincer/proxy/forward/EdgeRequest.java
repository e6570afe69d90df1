package dev.pincer.proxy.forward;

import dev.pincer.inspection.body.BodyViews;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.AnomalyScore;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.ResponseHead;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.proxy.guard.RequestGuard;
import dev.pincer.proxy.guard.ResponseCheck;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponse;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One request's edge {@link Transaction} as its exchange drives it: which phase runs when, the
 * body feed while a step needs the body, the request end run exactly once, the inputs handed on
 * from the correlator's guard, and suspect rule ids kept until the correlator's context opens. The
 * exchange acts on the outcomes (answers, holds, logs); this class never touches a channel.
 *
 * <p>Example: {@code EdgeRequest e = EdgeRequest.open(...)} (null: no step, no cost), then
 * {@code e.head()}, {@code e.startBody(...)}, {@code e.onBody(...)} per content, ..., and
 * {@code e.close(disposition)} once.
 */
final class EdgeRequest {
    private final Transaction tx;
    private BodyFeed feed;
    private boolean requestEnded;
    private List<String> suspectIds;

    private EdgeRequest(Transaction tx) {
        this.tx = tx;
    }

    /**
     * Opens the transaction with {@code participants} and sets its head inputs ({@code inputs}, or
     * extracted with {@code extractor} when null and a step reads them); null when no step opened.
     */
    static EdgeRequest open(List<Participant> participants, String id, InetAddress peer, InetAddress client,
                            String route, RequestHead model, RequestInputs inputs, InputExtractor extractor,
                            java.util.function.UnaryOperator<Outcome> policy) {
        Transaction tx = Transaction.open(id, peer, client, route, model, participants, policy);
        if (tx.idle()) {
            return null;
        }
        tx.inputs(inputs != null ? inputs : tx.needsInputs() ? extractor.extract(model, null) : null);
        return new EdgeRequest(tx);
    }

    RequestInputs inputs() {
        return tx.inputs();
    }

    /** The transaction's steps as readers of the body in the correlator's extraction pass. */
    BodyViews bodyViews() {
        return tx.bodyViews();
    }

    Outcome head() {
        return tx.requestHead();
    }

    /**
     * Before any upstream connection: a request without a body runs its request end now; one whose
     * body a step needs gets a feed (the exchange then holds the body, {@link #holdsBody()}): the
     * prefix, or as much as a step asked for ({@code Transaction#requestBodyHold}) within
     * {@code maxHold}.
     *
     * @param prefix    the body prefix ({@code protection.body_prefix_bytes})
     * @param maxHold   the most the proxy holds for a step ({@code limits.max_body_bytes})
     * @param extractor extracts the inputs with the body when no correlator does; null otherwise
     */
    Outcome startBody(boolean body, String contentType, int prefix, long maxHold, InputExtractor extractor,
                      RequestHead model) {
        if (!body) {
            requestEnded = true;
            return tx.requestEnd(true);
        }
        if (tx.needsRequestBody()) {
            long asked = tx.requestBodyHold();
            long limit = asked > prefix ? Math.min(asked, Math.max(prefix, maxHold)) : prefix;
            feed = new BodyFeed(tx, limit, prefix, contentType, tx.needsInputs() ? extractor : null, model);
        }
        return Outcome.CONTINUE; // without a feed it streams; the request end runs as its last content passes
    }

    /** True when a step needs the body: it is held until the request end decided. */
    boolean holdsBody() {
        return feed != null;
    }

    /** The most body bytes the feed takes: what the exchange holds before the request end; 0 without a feed. */
    long holdLimit() {
        return feed == null ? 0 : feed.limit();
    }

    /** True while the held body's request end has not run. */
    boolean bodyPending() {
        return feed != null && !feed.ended();
    }

    /** One body content; {@code bodyInputs} is the correlator's extraction with the body, or null. */
    Outcome onBody(ByteBuf content, boolean last, RequestInputs bodyInputs) {
        if (requestEnded) {
            return Outcome.CONTINUE;
        }
        if (feed == null) {
            return last ? end(true, bodyInputs) : Outcome.CONTINUE;
        }
        useInputs(bodyInputs);
        Outcome o = feed.onContent(content, last);
        requestEnded = feed.ended();
        return o;
    }

    /** Runs the request end if it has not run (the hold is full, or the body ended). */
    Outcome end(boolean complete, RequestInputs bodyInputs) {
        if (requestEnded) {
            return Outcome.CONTINUE;
        }
        requestEnded = true;
        useInputs(bodyInputs);
        return feed != null ? feed.end(complete, Outcome.CONTINUE) : tx.requestEnd(complete);
    }

    private void useInputs(RequestInputs bodyInputs) {
        if (bodyInputs != null) {
            tx.inputs(bodyInputs);
        }
    }

    /** The response-head phase on the head as the upstream sent it. */
    Outcome responseHead(HttpResponse r) {
        List<HeaderField> fields = new ArrayList<>(r.headers().size());
        for (Map.Entry<String, String> h : r.headers()) {
            fields.add(new HeaderField(h.getKey(), h.getValue()));
        }
        return tx.responseHead(new ResponseHead(r.status().code(), fields));
    }

    /** The response-body phase as a check, or null when no step needs the body or it has none. */
    ResponseCheck responseCheck(int code, boolean headRequest, int limit, List<String> contentEncodings,
                                Consumer<Outcome> suspects) {
        if (!tx.needsResponseBody() || code == 101 || headRequest || code == 204 || code == 304) {
            return null;
        }
        return new EdgeResponseCheck(tx, limit, contentEncodings, suspects);
    }

    /** Whether some step may read the response body (asked again, more precisely, at the response head). */
    boolean needsResponseBody() {
        return tx.needsResponseBody();
    }

    /** The block a phase ended with, or null. */
    Outcome blocked() {
        return tx.blocked();
    }

    /** A suspect's rule ids: onto the correlator's context, or kept until it opens ({@link #opened}). */
    void suspect(List<String> ids, RequestGuard guard) {
        if (guard != null) {
            guard.markSuspect(ids);
        } else if (suspectIds == null) {
            suspectIds = ids;
        } else {
            suspectIds = new ArrayList<>(suspectIds);
            suspectIds.addAll(ids);
        }
    }

    /** The correlator's context opened: it gets the suspects found before. */
    void opened(RequestGuard guard) {
        if (suspectIds != null) {
            guard.markSuspect(suspectIds);
        }
    }

    /** The rule engine's anomaly totals so far, or null without rules. */
    AnomalyScore anomalyScore() {
        return tx.anomalyScore();
    }

    void close(Disposition d) {
        tx.close(d);
    }
}
