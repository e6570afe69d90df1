package dev.pincer.sensor.client;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.LockSupport;

/**
 * A CHECK waiting for its VERDICT: the calling thread parks, the reader thread completes and
 * unparks it. Lighter than a {@code CompletableFuture}, and Java 8.
 *
 * <p>Completion and giving up race on one state word, so exactly one wins: a VERDICT that arrives
 * after {@link #await} gave up is refused by {@link #complete} (and the app thread, long gone to
 * other work, is not unparked for it); a VERDICT that wins the race is returned even if the time
 * has just run out.
 */
final class Waiter {
    private static final int WAITING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;
    private static final AtomicIntegerFieldUpdater<Waiter> STATE =
            AtomicIntegerFieldUpdater.newUpdater(Waiter.class, "state");

    private final Thread thread;
    private volatile Reply reply;
    private volatile int state;

    Waiter(Thread thread) {
        this.thread = thread;
    }

    /** Delivers {@code r}; false when the waiter had already given up (a late reply). */
    boolean complete(Reply r) {
        reply = r;
        if (!STATE.compareAndSet(this, WAITING, DONE)) {
            return false;
        }
        LockSupport.unpark(thread);
        return true;
    }

    /**
     * The reply, or {@code null} after {@code nanos} (or at once if the thread is interrupted); once
     * it returns {@code null} the waiter is abandoned and refuses every later reply.
     */
    Reply await(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (state == WAITING) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                if (STATE.compareAndSet(this, WAITING, ABANDONED)) {
                    return null;
                }
                break; // completed just now
            }
            LockSupport.parkNanos(this, left);
        }
        return reply;
    }
}
