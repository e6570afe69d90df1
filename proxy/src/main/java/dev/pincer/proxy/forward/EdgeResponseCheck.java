package dev.pincer.proxy.forward;

import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.proxy.guard.ResponseCheck;
import dev.pincer.proxy.guard.ResponseText;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.function.Consumer;

/**
 * The edge transaction's response-body phase as a {@link ResponseCheck}: the response is held
 * until the body ended or {@code limit} bytes of it were fed to the transaction, then released
 * whole, or blocked (the transaction keeps the outcome: {@link Transaction#blocked()}); a suspect
 * outcome is handed to {@code suspects} (the exchange logs it). Past the prefix the response
 * streams and nothing more is fed. Never retains or releases a buffer.
 *
 * <p>The steps see the body with its content coding undone ({@link ResponseText#bytes}: gzip and
 * deflate, bounded), one char per byte. When the prefix is whole the transaction's response end
 * runs, told whether the steps saw all of the body: not when it went on past {@code limit} or could
 * not be decoded (then the decoder's text stops and the steps decide what a partial body means).
 *
 * <p>Example: limit 64 KiB, a 2 KiB HTML body in two contents: HOLD, then PASS with every held
 * content releasable.
 */
final class EdgeResponseCheck implements ResponseCheck {
    private final Transaction tx;
    private final long limit;
    private final Consumer<Outcome> suspects;
    private final ResponseText decoder;
    private final StringBuilder text = new StringBuilder();
    private byte[] scratch;
    private long fed;
    private boolean judged;

    EdgeResponseCheck(Transaction tx, int limit, List<String> contentEncodings, Consumer<Outcome> suspects) {
        this.tx = tx;
        this.limit = limit;
        this.suspects = suspects;
        this.decoder = ResponseText.bytes(contentEncodings);
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
            return blocked();
        }
        if (!last && fed < limit) {
            return Step.HOLD;
        }
        judged = true;
        boolean whole = last && n == content.readableBytes() && !decoder.failed();
        return suspect(tx.responseEnd(whole)).blocks() ? blocked() : Step.PASS;
    }

    private Step blocked() {
        judged = true;
        return Step.BLOCK;
    }

    private Outcome feed(ByteBuf content, int n) {
        if (n == 0 || decoder.failed()) {
            return Outcome.CONTINUE;
        }
        text.setLength(0);
        decoder.feed(content.slice(content.readerIndex(), n), text);
        if (text.isEmpty()) {
            return Outcome.CONTINUE;
        }
        if (scratch == null) {
            scratch = new byte[8192];
        }
        for (int at = 0; at < text.length(); at += scratch.length) {
            int len = Math.min(scratch.length, text.length() - at);
            for (int i = 0; i < len; i++) {
                scratch[i] = (byte) text.charAt(at + i);
            }
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
        decoder.close();
    }
}
