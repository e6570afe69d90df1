package dev.pincer.proxy.forward;

import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.proxy.guard.ResponseCheck;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * The edge transaction's response-body phase as a {@link ResponseCheck}: the response is held
 * until the body ended or {@code limit} bytes of it were fed to the transaction, then released
 * whole, or blocked (the transaction keeps the outcome: {@link Transaction#blocked()}); a suspect
 * outcome is handed to {@code suspects} (the exchange logs it). Past the prefix the response
 * streams and nothing more is fed. Never retains or releases a buffer.
 *
 * <p>Example: limit 64 KiB, a 2 KiB HTML body in two contents: HOLD, then PASS with every held
 * content releasable.
 */
final class EdgeResponseCheck implements ResponseCheck {
    private final Transaction tx;
    private final long limit;
    private final Consumer<Outcome> suspects;
    private byte[] scratch;
    private long fed;
    private boolean judged;

    EdgeResponseCheck(Transaction tx, int limit, Consumer<Outcome> suspects) {
        this.tx = tx;
        this.limit = limit;
        this.suspects = suspects;
    }

    @Override
    public Step onContent(ByteBuf content, boolean last) {
        if (judged) {
            return Step.PASS;
        }
        int n = (int) Math.min(content.readableBytes(), limit - fed);
        fed += n;
        Outcome o = feed(content, n);
        if (o.blocks()) {
            judged = true;
            return Step.BLOCK;
        }
        if (!last && fed < limit) {
            return Step.HOLD;
        }
        judged = true;
        return Step.PASS;
    }

    private Outcome feed(ByteBuf content, int n) {
        if (n == 0) {
            return Outcome.CONTINUE;
        }
        if (content.hasArray()) {
            return suspect(tx.responseBody(content.array(), content.arrayOffset() + content.readerIndex(), n));
        }
        if (scratch == null) {
            scratch = new byte[Math.min(8192, Math.max(n, 256))];
        }
        for (int at = 0; at < n; at += scratch.length) {
            int len = Math.min(scratch.length, n - at);
            content.getBytes(content.readerIndex() + at, scratch, 0, len);
            Outcome o = suspect(tx.responseBody(scratch, 0, len));
            if (o.blocks()) {
                return o;
            }
        }
        return Outcome.CONTINUE;
    }

    private Outcome suspect(Outcome o) {
        if (o.kind() == Outcome.Kind.SUSPECT) {
            suspects.accept(o);
        }
        return o;
    }

    @Override
    public int releasable() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void close() {
        judged = true;
    }
}
