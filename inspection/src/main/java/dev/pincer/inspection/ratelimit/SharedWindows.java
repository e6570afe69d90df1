package dev.pincer.inspection.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.inspection.shared.RedisLink;
import dev.pincer.inspection.shared.TimeSource;
import java.util.concurrent.CompletionStage;

/**
 * The cluster-wide side of a limit: fixed windows of the limit's period ({@code 10/s}: each
 * second), counted in Redis with one atomic INCR+PEXPIRE per passed request, sent without waiting.
 * The count Redis last answered for the current window is kept here, and once it reaches
 * {@code max(rate, burst)} every instance refuses that key until the window ends. So the shared
 * view lags by one round trip and a request never waits on Redis; when Redis is unreachable the
 * local bucket alone decides.
 *
 * <p>Example: {@code 100/m}, three instances: after 100 requests in a minute from one client
 * across them, the next on any instance gets 429 until the minute ends.
 */
final class SharedWindows {
    private final RedisLink link;
    private final Cache<String, Window> windows;
    private final TimeSource time;

    SharedWindows(RedisLink link, int maxKeys, TimeSource time) {
        this.link = link;
        this.time = time;
        this.windows = Caffeine.newBuilder().maximumSize(maxKeys).ticker(time::nanoTime)
                .expireAfter(new Expiry<String, Window>() {
                    @Override
                    public long expireAfterCreate(String k, Window w, long now) {
                        return w.perMillis * 2_000_000L;
                    }

                    @Override
                    public long expireAfterUpdate(String k, Window w, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String k, Window w, long now, long current) {
                        return w.perMillis * 2_000_000L;
                    }
                }).build();
    }

    /** 0 when the shared count allows one more, else nanoseconds until the window ends. */
    long check(String key, Limit limit) {
        long per = Math.max(1, limit.per().toMillis());
        long now = time.currentTimeMillis();
        long id = now / per;
        Window w = windows.get(key, k -> new Window(per));
        if (w.seen(id) >= Math.max(limit.tokens(), limit.burst())) {
            return ((id + 1) * per - now) * 1_000_000L;
        }
        CompletionStage<Long> f = link.increment("rl:" + key + ":" + id, per * 2);
        if (f != null) {
            f.thenAccept(c -> w.saw(id, c));
        }
        return 0;
    }

    void cleanUp() {
        windows.cleanUp();
    }

    /** The highest count Redis answered for the newest window seen. */
    private static final class Window {
        final long perMillis;
        private long id = -1;
        private long count;

        Window(long perMillis) {
            this.perMillis = perMillis;
        }

        synchronized long seen(long window) {
            return window == id ? count : 0;
        }

        synchronized void saw(long window, Long c) {
            if (c == null || window < id) {
                return;
            }
            if (window > id) {
                id = window;
                count = 0;
            }
            count = Math.max(count, c);
        }
    }
}
