package dev.pincer.inspection.shared;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis is reachable, with one log line per change (not one per failed command): a WARN
 * when it goes, an INFO when it is back. Starts unreachable.
 *
 * <p>Example: {@code down("connection lost")} twice logs once.
 */
final class LinkState {
    private static final Logger LOG = LoggerFactory.getLogger("pincer.redis");
    private final AtomicBoolean up = new AtomicBoolean();

    boolean up() {
        return up.get();
    }

    void up(String why) {
        if (up.compareAndSet(false, true)) {
            LOG.info("redis reachable ({}): bans and rate-limit counters are shared", why);
        }
    }

    void down(String why) {
        if (up.compareAndSet(true, false)) {
            LOG.warn("redis unreachable ({}): each instance decides on its local state until it is back", why);
        }
    }
}
