package dev.pincer.inspection.seclang;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pincer.inspection.seclang.variables.Collection;
import dev.pincer.inspection.seclang.variables.MapCollection;
import dev.pincer.inspection.seclang.variables.VariableValue;
import dev.pincer.signatures.rule.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The collections that outlive a transaction ({@code initcol:ip=%{REMOTE_ADDR}}): IP, GLOBAL,
 * RESOURCE, SESSION, USER. Held in this process only (bounded: {@link #MAX_RECORDS} records,
 * each idle record dropped after {@code SecCollectionTimeout}); one variable may expire earlier
 * ({@code expirevar}). Records are shared by concurrent transactions, so each is synchronized.
 */
final class PersistentCollections {

    /** Records beyond this are evicted least-recently-used first: a flood of addresses cannot grow memory. */
    static final long MAX_RECORDS = 100_000;

    private final Cache<String, Record> records;
    private final LongSupplier clock;

    PersistentCollections(long timeoutSeconds, LongSupplier clockMillis) {
        this.clock = clockMillis;
        this.records = Caffeine.newBuilder()
                .maximumSize(MAX_RECORDS)
                .expireAfterAccess(Duration.ofSeconds(timeoutSeconds))
                .build();
    }

    Record record(String collection, String key) {
        return records.get(collection + "\u0000" + key, k -> new Record(collection));
    }

    /** One record: a synchronized map with per-variable expiry times. */
    final class Record implements Collection {
        private final MapCollection values;
        private final Map<String, Long> expires = new HashMap<>();

        Record(String collection) {
            this.values = new MapCollection(collection);
        }

        synchronized boolean put(String key, String value) {
            return values.put(key, value);
        }

        synchronized void remove(String key) {
            values.remove(key);
            expires.remove(key);
        }

        synchronized void expire(String key, long seconds) {
            expires.put(key, clock.getAsLong() + seconds * 1000);
        }

        private void dropExpired() {
            if (expires.isEmpty()) {
                return;
            }
            long now = clock.getAsLong();
            List<String> gone = new ArrayList<>();
            expires.forEach((k, at) -> {
                if (at <= now) {
                    gone.add(k);
                }
            });
            for (String k : gone) {
                values.remove(k);
                expires.remove(k);
            }
        }

        @Override
        public synchronized void select(Target target, List<VariableValue> out) {
            dropExpired();
            values.select(target, out);
        }

        @Override
        public synchronized int count(Target target) {
            dropExpired();
            return values.count(target);
        }
    }
}
