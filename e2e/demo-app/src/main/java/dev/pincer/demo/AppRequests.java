package dev.pincer.demo;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the requests that reached a demo servlet, {@code /requests} (which reads the count)
 * excepted. A test that must prove a request never reached the app (a smuggled request, a
 * request the proxy rejected) reads {@code /requests} before and after: the count is the app's
 * own view, independent of any log Pincer writes. It also counts the files opened outside the
 * file base, so that a traversal shows even when its answer never reaches the client.
 *
 * <p>Example: {@code GET /hello} then {@code GET /requests} answers {@code requests=1} then {@code outside_reads=0} on a fresh app.
 */
final class AppRequests {
    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicLong OUTSIDE_READS = new AtomicLong();

    private AppRequests() {
    }

    static void seen(String servletPath) {
        if (!"/requests".equals(servletPath)) {
            COUNT.incrementAndGet();
        }
    }

    static long count() {
        return COUNT.get();
    }

    /** A file outside the file base was opened for reading: a traversal reached its sink. */
    static void outsideRead() {
        OUTSIDE_READS.incrementAndGet();
    }

    static long outsideReads() {
        return OUTSIDE_READS.get();
    }
}
