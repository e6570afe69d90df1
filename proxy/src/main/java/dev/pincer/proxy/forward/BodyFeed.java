package dev.pincer.proxy.forward;

import dev.pincer.inspection.body.BodyBuffer;
import dev.pincer.inspection.request.BodyPrefix;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.transaction.Finding;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the first {@code limit} bytes of a request body to its transaction's request-body phase,
 * chunk by chunk, and runs the request-end phase once the body ended or the limit was reached. The
 * limit is the body prefix, or more when a step asked for it ({@code Transaction#requestBodyHold}:
 * the rules reading an upload whole). When a step reads the inputs and no correlator extracts
 * them, it also keeps what inspection reads of the body ({@link BodyBuffer}, at most the prefix)
 * and extracts the inputs with it once, right before the request end.
 * Never retains or releases a buffer; a direct buffer is copied through one bounded scratch array.
 *
 * <p>Example: limit 128 KiB, a 10-byte form body in one last content: one {@code requestBody}
 * call of 10 bytes, then {@code requestEnd(true)}.
 */
final class BodyFeed {
    private final Transaction tx;
    private final long limit;
    private final BodyBuffer body;
    private final InputExtractor extractor;
    private final RequestHead model;
    private byte[] scratch;
    private long fed;
    private boolean ended;

    /**
     * @param limit     the most body bytes fed to the transaction
     * @param prefix    the most non-file bytes kept for the inputs
     * @param extractor null when the inputs come from elsewhere (the correlator's guard)
     */
    BodyFeed(Transaction tx, long limit, int prefix, String contentType, InputExtractor extractor, RequestHead model) {
        this.tx = tx;
        this.limit = limit;
        this.extractor = extractor;
        this.model = model;
        this.body = extractor == null ? null : BodyBuffer.of(contentType, prefix);
    }

    /** The most body bytes fed to the transaction: how much the exchange holds for it. */
    long limit() {
        return limit;
    }

    /** True once the request-end phase ran. */
    boolean ended() {
        return ended;
    }

    /** The outcome of the phases {@code content} ran (CONTINUE after the end). */
    Outcome onContent(ByteBuf content, boolean last) {
        if (ended) {
            return Outcome.CONTINUE;
        }
        int readable = content.readableBytes();
        int n = (int) Math.min(readable, limit - fed);
        Outcome o = feed(content, n);
        fed += n;
        if (o.blocks()) {
            ended = true;
            return o;
        }
        if (n < readable) {
            return end(false, o); // past the limit: cut
        }
        // At the limit the body may still end whole: HTTP/1 delivers a body's end as an empty last
        // content after its data, so only the next content says whether anything is past the limit.
        return last ? end(true, o) : o;
    }

    /** The body ended before the limit (a request the client finished, or one without a last content). */
    Outcome end(boolean complete, Outcome before) {
        ended = true;
        if (body != null) {
            tx.inputs(extractor.extract(model, new BodyPrefix(body.kept(), complete && !body.overflowed()),
                    tx.bodyViews()));
        }
        Outcome o = tx.requestEnd(complete);
        if (o.kind() == Outcome.Kind.SUSPECT && before.kind() == Outcome.Kind.SUSPECT) {
            List<Finding> all = new ArrayList<>(before.findings());
            all.addAll(o.findings());
            return Outcome.suspect(all);
        }
        return o.kind() == Outcome.Kind.CONTINUE ? before : o;
    }

    private Outcome feed(ByteBuf content, int n) {
        if (n == 0) {
            return Outcome.CONTINUE;
        }
        if (content.hasArray()) {
            int off = content.arrayOffset() + content.readerIndex();
            keep(content.array(), off, n);
            return tx.requestBody(content.array(), off, n);
        }
        if (scratch == null) {
            scratch = new byte[Math.min(8192, Math.max(n, 256))];
        }
        Outcome last = Outcome.CONTINUE;
        List<Finding> suspected = null;
        for (int at = 0; at < n; at += scratch.length) {
            int len = Math.min(scratch.length, n - at);
            content.getBytes(content.readerIndex() + at, scratch, 0, len);
            keep(scratch, 0, len);
            Outcome o = tx.requestBody(scratch, 0, len);
            if (o.blocks()) {
                return o;
            }
            if (o.kind() == Outcome.Kind.SUSPECT) {
                if (suspected == null) {
                    suspected = new ArrayList<>(o.findings());
                } else {
                    suspected.addAll(o.findings()); // one outcome for the content, every finding in it
                }
                last = Outcome.suspect(suspected);
            }
        }
        return last;
    }

    private void keep(byte[] b, int off, int len) {
        if (body != null) {
            body.append(b, off, len);
        }
    }
}
