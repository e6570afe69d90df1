package dev.pincer.inspection.seclang;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The forms of values that recur from one request to the next, shared by an engine's
 * transactions: a browser sends the same {@code User-Agent}, {@code Accept} and header names with
 * every request, an API the same argument names, so a transaction that meets a value an earlier
 * one transformed and scanned takes those {@link TransformCache.Forms} (frozen, copied before any
 * write) instead of doing the work again. What a value's forms and literal bits are depends only
 * on its text and the engine's rule set, so a shared entry is exactly what the transaction would
 * have computed; only the time it takes changes. The work budget still charges every operator call.
 *
 * <p>Bounded: values up to {@link #MAX_VALUE_CHARS} chars, about {@link #MAX_BYTES} of forms and
 * bits in all (Caffeine's size-based eviction, whose frequency sketch keeps a flood of one-off
 * values from pushing out the recurring ones), and an entry not read for
 * {@link #IDLE} leaves, so header values (a session cookie, a token) are not kept long after the
 * client stops sending them. A value that misses costs one lookup and, at the end of its
 * transaction, one insertion.
 */
final class ValueMemo {

    /** Longer values are not kept: bodies and long strings seldom recur, and would crowd out those that do. */
    static final int MAX_VALUE_CHARS = 512;
    /** The memory the entries may hold, about, in bytes. */
    static final long MAX_BYTES = 16L << 20;
    /** An entry not read for this long is dropped. */
    static final Duration IDLE = Duration.ofMinutes(2);

    private final Cache<String, TransformCache.Forms> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String value, TransformCache.Forms forms) -> forms.weight())
            .expireAfterAccess(IDLE)
            .executor(Runnable::run)  // upkeep on the calling thread: no work leaves the request's thread
            .build();

    /** A transaction's own copy of {@code value}'s forms, or null when none is kept. */
    TransformCache.Forms take(String value) {
        if (value.length() > MAX_VALUE_CHARS) {
            return null;
        }
        TransformCache.Forms kept = entries.getIfPresent(value);
        return kept == null ? null : kept.share(value);
    }

    /** Keeps a frozen copy of {@code forms} (which is then copied before it writes again). */
    void put(TransformCache.Forms forms) {
        if (forms.value.length() <= MAX_VALUE_CHARS) {
            entries.put(forms.value, forms.freeze());
        }
    }

    /** Drops every entry. */
    void clear() {
        entries.invalidateAll();
    }

    /** The weight kept, in about bytes (for tests). */
    long weight() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Entries kept (approximate, for tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
