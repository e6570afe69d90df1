package dev.pincer.sensor.internal;

import dev.pincer.sensor.client.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verdicts the correlator said may be reused: {@code cache=2} for any request (this process-wide,
 * least-recently-used cache), {@code cache=1} for the rest of one request (a small map held in the
 * request's thread state, see {@link Decider}).
 */
public final class VerdictCache {
    /** Process-wide bound: input-independent verdicts are few (classes, commands, queries). */
    static final int MAX_ENTRIES = 4096;
    /** Per-request bound: a request rarely repeats more distinct sink calls than this. */
    static final int MAX_REQUEST_ENTRIES = 256;

    /**
     * The cache key: kind, args and attrs. The attrs belong to it: the same argv run through
     * {@code Runtime.exec(String)} or with another environment is another call, with its own verdict.
     */
    static final class Key {
        final int kind;
        final List<String> args;
        final List<String> attrs;
        private final int hash;

        Key(int kind, List<String> args, List<String> attrs) {
            this.kind = kind;
            this.args = args;
            this.attrs = attrs;
            this.hash = 31 * (31 * kind + args.hashCode()) + attrs.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return k.kind == kind && k.hash == hash && k.args.equals(args) && k.attrs.equals(attrs);
        }
    }

    private final Map<Key, Reply> lru = new LinkedHashMap<Key, Reply>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Reply> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Reply get(Key key) {
        return lru.get(key);
    }

    synchronized void put(Key key, Reply reply) {
        lru.put(key, reply);
    }

    synchronized int size() {
        return lru.size();
    }
}
