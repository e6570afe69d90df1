package dev.pincer.sensor.internal;

import dev.pincer.sensor.bootstrap.PincerBlockedException;
import dev.pincer.sensor.bootstrap.ThreadState;
import dev.pincer.sensor.client.CorrelatorClient;
import dev.pincer.sensor.client.Reply;
import dev.pincer.sensor.client.ReportCounters;
import dev.pincer.sensor.config.FailMode;
import dev.pincer.sensor.log.Log;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slow half of a sink call's decision, after {@code Bridge} has found it may need a verdict:
 * the verdict caches, then a CHECK round trip (preceded, on a protocol v2 connection, by the
 * request's INPUTS the first time: {@link RequestView}), then the verdict or the fail mode.
 *
 * <ul>
 *   <li>allow: returns; the sink runs;</li>
 *   <li>block: throws {@link PincerBlockedException}; the sink does not run;</li>
 *   <li>monitor (would have blocked): logs at info; the sink runs;</li>
 *   <li>no verdict (timeout, too many in flight, disconnected, refused): fail-open lets the sink run
 *       and logs a warning, fail-closed blocks; both are counted for the next REPORT.</li>
 * </ul>
 * Events are logged as one JSON object per line.
 */
public final class Decider {
    /** Longest arg a log line shows. */
    private static final int LOG_ARG_CHARS = 160;

    private final CorrelatorClient client;
    private final FailMode failMode;
    private final ReportCounters counters;
    private final VerdictCache global = new VerdictCache();
    private final RateLimit failLog = new RateLimit(10);

    /** @param client {@code null} when there is no token: every CHECK then fails at once. */
    public Decider(CorrelatorClient client, FailMode failMode, ReportCounters counters) {
        this.client = client;
        this.failMode = failMode;
        this.counters = counters;
    }

    public ReportCounters counters() {
        return counters;
    }

    /**
     * Decides one sink call; throws {@link PincerBlockedException} to block it. The verdict caches
     * are keyed on kind, args and attrs, so a verdict that depends on attrs (an environment, a
     * connect's address) never stands for another call's.
     */
    public void decide(ThreadState st, int kind, List<String> args, List<String> attrPairs) {
        String ctx = st.ctx == null ? "" : st.ctx;
        VerdictCache.Key key = new VerdictCache.Key(kind, args, attrPairs);
        Reply r = null;
        Map<VerdictCache.Key, Reply> perRequest = st.ctx == null ? null : requestCache(st, false);
        if (perRequest != null) {
            r = perRequest.get(key);
        }
        if (r == null) {
            r = global.get(key);
        }
        if (r != null) {
            apply(st, ctx, kind, args, r);
            return;
        }

        if (client == null) {
            fail(st, ctx, kind, args, Reply.DISCONNECTED, "disconnected");
            return;
        }
        r = client.check(ctx, kind, args, attrPairs, StackSummary.capture(), client.verdictTimeoutNanos(),
                RequestView.of(st));
        if (r.status != Reply.VERDICT) {
            if (r.status == Reply.TIMEOUT || r.status == Reply.OVERLOADED) {
                counters.timeout();
            }
            fail(st, ctx, kind, args, r.status, r.statusName());
            return;
        }
        if (r.cache == 2) {
            global.put(key, r);
        } else if (r.cache == 1 && st.ctx != null) {
            Map<VerdictCache.Key, Reply> m = requestCache(st, true);
            if (m.size() < VerdictCache.MAX_REQUEST_ENTRIES) {
                m.put(key, r);
            }
        }
        apply(st, ctx, kind, args, r);
    }

    /**
     * True when the process-wide cache holds an allow for this call ({@code cache=2}), keyed as
     * {@link #decide} keys it (kind, args and attrs).
     */
    public boolean allowedForProcess(int kind, List<String> args, List<String> attrPairs) {
        Reply r = global.get(new VerdictCache.Key(kind, args, attrPairs));
        return r != null && r.verdict == Reply.ALLOW;
    }

    @SuppressWarnings("unchecked")
    private static Map<VerdictCache.Key, Reply> requestCache(ThreadState st, boolean create) {
        Object m = st.requestCache;
        if (m == null && create) {
            m = new HashMap<VerdictCache.Key, Reply>();
            st.requestCache = m;
        }
        return (Map<VerdictCache.Key, Reply>) m;
    }

    private void apply(ThreadState st, String ctx, int kind, List<String> args, Reply r) {
        switch (r.verdict) {
            case Reply.ALLOW:
                return;
            case Reply.MONITOR:
                if (Log.enabled(Log.INFO)) {
                    Log.info(event("monitor", ctx, kind, args).put("attack_class", r.attackClass)
                            .put("reason", r.reason).toString());
                }
                return;
            case Reply.BLOCK:
                if (Log.enabled(Log.INFO)) {
                    Log.info(event("block", ctx, kind, args).put("attack_class", r.attackClass)
                            .put("reason", r.reason).toString());
                }
                throw block(st, ctx, kind, "verdict" + (r.attackClass.isEmpty() ? "" : " " + r.attackClass));
            default:
                // An unknown verdict code: not a verdict we understand, so the fail mode decides.
                fail(st, ctx, kind, args, Reply.REFUSED, "unknown verdict " + r.verdict);
        }
    }

    private void fail(ThreadState st, String ctx, int kind, List<String> args, int status, String why) {
        boolean closed = failMode == FailMode.CLOSED;
        if (closed) {
            counters.failClosed();
        } else {
            counters.failOpen();
        }
        if (Log.enabled(Log.WARN)) {
            int skipped = failLog.acquire();
            if (skipped >= 0) {
                Json e = event(closed ? "fail_closed" : "fail_open", ctx, kind, args).put("why", why);
                if (skipped > 0) {
                    e.put("not_logged_before", String.valueOf(skipped));
                }
                Log.warn(e.toString());
            }
        }
        if (closed) {
            throw block(st, ctx, kind, "fail-closed: " + why);
        }
    }

    private static PincerBlockedException block(ThreadState st, String ctx, int kind, String why) {
        if (st.depth > 0) {
            st.blocked = true;
        }
        return new PincerBlockedException(ctx, Kinds.name(kind), why);
    }

    private static Json event(String event, String ctx, int kind, List<String> args) {
        String arg = args.isEmpty() ? "" : kind == dev.pincer.sensor.bootstrap.Bridge.EXEC
                ? String.join(" ", args) : args.get(0);
        return new Json().put("event", event).put("kind", Kinds.name(kind)).put("ctx", ctx)
                .put("arg", Log.truncate(arg, LOG_ARG_CHARS));
    }

    /** Lets through at most {@code perSecond} events a second. */
    static final class RateLimit {
        private final int perSecond;
        private long windowStart;
        private int used;
        private int dropped;

        RateLimit(int perSecond) {
            this.perSecond = perSecond;
        }

        /** -1: drop this one; otherwise log it, and the value is how many were dropped before it. */
        synchronized int acquire() {
            long now = System.nanoTime();
            if (now - windowStart > 1_000_000_000L) {
                windowStart = now;
                used = 0;
            }
            if (used >= perSecond) {
                dropped++;
                return -1;
            }
            used++;
            int d = dropped;
            dropped = 0;
            return d;
        }
    }
}
