package dev.pincer.correlator.server;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Where CHECKs are analysed: a bounded executor apart from the sensor connections' event loops, so
 * that a slow check never holds up the reads, handshakes and verdicts of others, plus the share of
 * it one request may use. {@code analysis_threads} threads (default one per core) take checks from
 * a queue of at most {@code analysis_queue}; a check that finds the queue full is not queued but
 * decided as an analysis limit (block by default) and counted as {@code queue_full}.
 *
 * <p>Threads start on demand, one per submitted task until there are {@code threads}, and then
 * stay: a test (or a burst) that submits a check to each thread in turn knows it runs at once.
 *
 * <p>Example: with 2 threads and a queue of 1024, a request whose one check takes 200 ms holds one
 * thread; every other request's checks run on the other, in order.
 */
final class Analysis implements AutoCloseable {
    private final Executor executor;
    private final ThreadPoolExecutor pool;
    private final LongSupplier clock;
    private volatile int requestChecks;
    private volatile long requestNanos;

    private Analysis(Executor executor, ThreadPoolExecutor pool, LongSupplier clock, int requestChecks,
                     long requestNanos) {
        this.executor = executor;
        this.pool = pool;
        this.clock = clock;
        this.requestChecks = requestChecks;
        this.requestNanos = requestNanos;
    }

    /** Starts the pool of {@code cfg}'s size; its queue length is a metric. */
    static Analysis start(CorrelatorConfig.Analysis cfg, CorrelatorMetrics metrics) {
        int threads = cfg.resolvedThreads();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(cfg.queue()), new DefaultThreadFactory("pincer-analysis", true),
                new ThreadPoolExecutor.AbortPolicy());
        metrics.analysisQueue(() -> pool.getQueue().size());
        return new Analysis(pool, pool, System::nanoTime, cfg.requestChecks(), cfg.requestTime().toNanos());
    }

    /** Tests: checks run by {@code executor} (e.g. {@code Runnable::run}), time read from {@code clock}. */
    static Analysis on(Executor executor, LongSupplier clock, int requestChecks, long requestNanos) {
        return new Analysis(Objects.requireNonNull(executor, "executor"), null, clock, requestChecks, requestNanos);
    }

    /** Queues a check's analysis; false when the queue is full or the pool stopped (nothing was queued). */
    boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /** {@code request_analysis_checks}: a request's checks queued or running at once, at most. */
    int requestChecks() {
        return requestChecks;
    }

    /** {@code request_analysis_time} in nanoseconds: a request's total analysis time, at most. */
    long requestNanos() {
        return requestNanos;
    }

    /** The clock analysis time and verdict lateness are measured with ({@link System#nanoTime()}). */
    long now() {
        return clock.getAsLong();
    }

    /** A reload changes the per-request share; thread count and queue length need a restart. */
    void reconfigure(CorrelatorConfig.Analysis cfg) {
        requestChecks = cfg.requestChecks();
        requestNanos = cfg.requestTime().toNanos();
    }

    /** Stops the threads; checks still queued are dropped (their connections are closed by then). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
