package dev.pincer.correlator.context;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.correlator.metrics.CorrelatorMetrics;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.Counter;
import java.time.Duration;
import java.util.Objects;

/**
 * The live request contexts, by id: the proxy opens one per forwarded request and closes it when
 * the exchange ends; sensor CHECKs look them up. Bounded twice, so a proxy bug (a context never
 * closed) or a flood cannot grow it without limit: at most {@code maxContexts} entries (the
 * coldest are evicted past it) and each lives at most {@code ttl} after it was opened. A CHECK for
 * an evicted context is judged as if it had none. Thread-safe; maintenance runs on the calling
 * threads (no background executor).
 */
public final class ContextStore {
    private final Cache<String, RequestContext> cache;
    private final Counter.Child confirmed;
    private final Counter.Child cleared;

    public ContextStore(int maxContexts, Duration ttl, CorrelatorMetrics metrics) {
        this(maxContexts, ttl, metrics, Ticker.systemTicker());
    }

    ContextStore(int maxContexts, Duration ttl, CorrelatorMetrics metrics, Ticker ticker) {
        Objects.requireNonNull(ttl, "ttl");
        cache = Caffeine.newBuilder().maximumSize(maxContexts).expireAfterWrite(ttl).ticker(ticker)
                .executor(Runnable::run).build();
        confirmed = metrics.edgeSuspect.labels("confirmed");
        cleared = metrics.edgeSuspect.labels("cleared");
        metrics.contextCount(cache::estimatedSize);
    }

    /**
     * Opens the context of a request that is about to be forwarded.
     *
     * @param requestId the public request id
     * @param clientIp  the client address as the access log prints it
     * @param method    the request method
     * @param path      the path for events (no query string)
     * @param inputs    the inputs known so far ({@link RequestInputs#EMPTY} if none yet)
     */
    public RequestContext open(String requestId, String clientIp, String method, String path, RequestInputs inputs) {
        return open(requestId, clientIp, method, path, inputs, null);
    }

    /**
     * {@link #open(String, String, String, String, RequestInputs)} for a request whose route has its
     * own mode: its sink checks are judged in {@code mode} ({@code null}: the global one).
     */
    public RequestContext open(String requestId, String clientIp, String method, String path, RequestInputs inputs,
                               ProtectionConfig.Mode mode) {
        RequestContext ctx = new RequestContext(ContextIds.next(), requestId, clientIp, method, path, inputs, mode);
        cache.put(ctx.id(), ctx);
        return ctx;
    }

    /** The live context with this id, or {@code null} (unknown, closed, expired or evicted). */
    public RequestContext get(String ctxId) {
        return ctxId.isEmpty() ? null : cache.getIfPresent(ctxId);
    }

    /**
     * Drops a context when its exchange ends, and settles its edge suspicion: a suspect request
     * whose sinks produced a finding is {@code confirmed}, one that ended without is {@code cleared}.
     *
     * @return the closed context, or {@code null} if it was not (or no longer) held
     */
    public RequestContext close(String ctxId) {
        RequestContext ctx = cache.asMap().remove(ctxId);
        if (ctx != null && ctx.suspect()) {
            (ctx.firstFinding() != null ? confirmed : cleared).inc();
        }
        return ctx;
    }

    /** Approximate number of contexts held. */
    public long size() {
        return cache.estimatedSize();
    }

    /** Runs pending evictions now (tests). */
    void cleanUp() {
        cache.cleanUp();
    }
}
