package dev.pincer.sensor.client;

import java.util.concurrent.locks.LockSupport;

/**
 * A CHECK waiting for its VERDICT: the calling thread parks, the reader thread completes and
 * unparks it. Lighter than a {@code CompletableFuture}, and Java 8.
 */
final class Waiter {
    private final Thread thread;
    private volatile Reply reply;

    Waiter(Thread thread) {
        this.thread = thread;
    }

    void complete(Reply r) {
        reply = r;
        LockSupport.unpark(thread);
    }

    /** The reply, or {@code null} after {@code nanos} (or at once if the thread is interrupted). */
    Reply await(long nanos) {
        long deadline = System.nanoTime() + nanos;
        Reply r;
        while ((r = reply) == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return reply;
            }
            LockSupport.parkNanos(this, left);
        }
        return r;
    }
}
