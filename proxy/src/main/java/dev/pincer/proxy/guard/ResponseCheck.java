package dev.pincer.proxy.guard;

import io.netty.buffer.ByteBuf;

/**
 * A check that holds a response's head and body prefix before any of it goes out, and then
 * releases it, replaces it or cuts it. The exchange keeps the held objects and asks the check,
 * content by content, what to do; the check never retains or releases a buffer. Two exist: the
 * reflected-XSS check ({@link ResponseGuard}) and the edge transaction's response-body phase; both
 * together run through {@link #both}.
 *
 * <p>Example: an HTML response on a request whose input carries markup: HOLD, HOLD, then PASS with
 * {@link #releasable()} = 2 (forward the head and two contents), or BLOCK (answer 403 instead).
 */
public interface ResponseCheck {
    /** What the exchange does with the content just fed. */
    enum Step { HOLD, PASS, BLOCK }

    /**
     * Takes the next body content. HOLD: keep holding; PASS: forward {@link #releasable()} held
     * contents; BLOCK: replace the response (nothing went out yet) or cut it (the head went out).
     */
    Step onContent(ByteBuf content, boolean last);

    /** After PASS: how many held contents, oldest first, may go out now ({@link Integer#MAX_VALUE}: all). */
    int releasable();

    /** Frees what the check holds; idempotent, called when the exchange ends whatever happened. */
    void close();

    /** Both checks on every content: BLOCK if either blocks, HOLD while either holds. */
    static ResponseCheck both(ResponseCheck a, ResponseCheck b) {
        return new ResponseCheck() {
            @Override
            public Step onContent(ByteBuf content, boolean last) {
                Step x = a.onContent(content, last);
                Step y = b.onContent(content, last);
                if (x == Step.BLOCK || y == Step.BLOCK) {
                    return Step.BLOCK;
                }
                return x == Step.HOLD || y == Step.HOLD ? Step.HOLD : Step.PASS;
            }

            @Override
            public int releasable() {
                return Math.min(a.releasable(), b.releasable());
            }

            @Override
            public void close() {
                a.close();
                b.close();
            }
        };
    }
}
