package dev.pincer.proxy.forward;

import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Messages an exchange holds back, oldest first, and the bytes of content among them: the request
 * body until the upstream connection is ready (and while inspection reads its prefix), or the
 * response head and prefix while a check judges them. The holder owns what it holds: each message
 * is taken out ({@link #poll}) and passed on, or released by {@link #releaseAll}. The queue is
 * made on the first {@link #add}, so an exchange that holds nothing allocates nothing for it.
 *
 * <p>Example: {@code held.add(content, n)}, ..., then {@code while ((m = held.poll()) != null)
 * upstream.write(m)}; on an error path {@code held.releaseAll()}.
 */
final class Held<T> {
    private ArrayDeque<T> queue;
    private long bytes;

    /** Holds {@code m}, counting {@code contentBytes} of it. */
    void add(T m, int contentBytes) {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        queue.add(m);
        bytes += contentBytes;
    }

    /** The oldest held message, taken out (the caller owns it now), or null. */
    T poll() {
        return queue == null ? null : queue.poll();
    }

    /** The newest held message, still held, or null. */
    T peekLast() {
        return queue == null ? null : queue.peekLast();
    }

    boolean isEmpty() {
        return queue == null || queue.isEmpty();
    }

    /** Content bytes held since the start (not lowered by {@link #poll}): what the hold limit counts. */
    long bytes() {
        return bytes;
    }

    /** Releases everything still held; idempotent. */
    void releaseAll() {
        if (queue == null) {
            return;
        }
        T m;
        while ((m = queue.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
    }
}
