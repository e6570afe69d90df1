package dev.pincer.proxy.spool;

import dev.pincer.proxy.metrics.ProxyMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's spool for request bodies held past their memory bound: hands out
 * {@link SpoolFile}s and keeps the bytes in all of them under one global cap
 * ({@code limits.body_spool_max_bytes}), so that uploads held for inspection can never fill the
 * disk. Thread-safe: every event loop spools through the same one.
 *
 * <p>Metrics: {@code pincer_body_spooled_bytes_total}, {@code pincer_body_spooled_requests_total},
 * {@code pincer_body_spool_bytes} (now); the exchange counts refusals
 * ({@code pincer_body_spool_refused_total{reason}}).
 *
 * <p>Example: {@code SpoolFile f = spool.open(dir)}, then {@code f.append(buf, cap)} is false once
 * the bytes of every open file would pass {@code cap}.
 */
public final class BodySpool {
    private final AtomicLong inUse = new AtomicLong();
    private final ProxyMetrics metrics;

    public BodySpool(ProxyMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** A new spool file in {@code dir}: 0600, already unlinked; counted as one spooled request. */
    public SpoolFile open(Path dir) throws IOException {
        SpoolFile f = SpoolFile.create(this, dir);
        metrics.bodySpooledRequests.inc();
        return f;
    }

    /** Bytes in spool files now, all requests together. */
    public long inUse() {
        return inUse.get();
    }

    /** Takes {@code n} bytes of the budget; false (nothing taken) when that would pass {@code cap}. */
    boolean reserve(long n, long cap) {
        long now;
        do {
            now = inUse.get();
            if (now + n > cap) {
                return false;
            }
        } while (!inUse.compareAndSet(now, now + n));
        metrics.bodySpoolBytes.inc(n);
        metrics.bodySpooledBytes.inc(n);
        return true;
    }

    void release(long n) {
        if (n > 0) {
            inUse.addAndGet(-n);
            metrics.bodySpoolBytes.dec(n);
        }
    }
}
