package dev.pincer.inspection.shared;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bans stored in Redis after a (re)connect: SCAN over {@code <prefix>ban:*} in pages of
 * 500, MGET each page, at most {@code max} entries (the ban list's own bound).
 *
 * <p>Example: {@code read(sync, "pincer:ban:", 100_000)} returns {@code {"203.0.113.7" -> "..."}}.
 */
final class StoredBans {
    private static final int PAGE = 500;

    private StoredBans() {
    }

    static Map<String, String> read(RedisCommands<String, String> redis, String keyPrefix, int max) {
        Map<String, String> out = new HashMap<>();
        ScanArgs args = ScanArgs.Builder.matches(keyPrefix + "*").limit(PAGE);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, args);
            List<String> keys = page.getKeys();
            if (!keys.isEmpty()) {
                for (KeyValue<String, String> kv : redis.mget(keys.toArray(new String[0]))) {
                    if (kv.hasValue() && out.size() < max) {
                        out.put(kv.getKey().substring(keyPrefix.length()), kv.getValue());
                    }
                }
            }
            cursor = page;
        } while (!cursor.isFinished() && out.size() < max);
        return out;
    }
}
