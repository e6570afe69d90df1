package dev.pincer.inspection.ban;

import dev.pincer.inspection.shared.RedisLink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a {@link BanList} in step with the other instances through Redis. A ban made here is
 * stored ({@code <prefix>ban:<ip>}, expiring with the ban) and published on {@code <prefix>bans}
 * as {@code B <ip> <since> <until> <reason>}; a lift deletes it and publishes {@code L <ip>}. Every
 * instance applies what it receives, so a ban holds everywhere within one publish (well under a
 * second). After each (re)connect the stored bans are loaded, and bans made here while Redis was
 * unreachable are stored then. Messages are hostile input: malformed ones are dropped.
 *
 * <p>Example: instance A bans 203.0.113.7; B receives {@code B 203.0.113.7 1764680000000 ...} and
 * refuses the client from then on.
 */
final class BanSync {
    private final BanList list;
    private final RedisLink link;
    /**
     * Bans not yet confirmed stored in Redis (made while it was unreachable, or sent as it came
     * back), to store on the next resync; bounded by the list's size. A ban leaves only when Redis
     * confirmed its store.
     */
    private final Map<String, Ban> pending = new ConcurrentHashMap<>();

    BanSync(BanList list, RedisLink link) {
        this.list = list;
        this.link = link;
        link.onBans(this::message, l -> resync());
    }

    void banned(Ban b) {
        if (pending.size() < list.maxBans()) {
            pending.put(b.ip(), b);
        }
        store(b);
    }

    private void store(Ban b) {
        long ttl = b.until().toEpochMilli() - list.now().toEpochMilli();
        if (ttl <= 0) {
            pending.remove(b.ip(), b);
            return;
        }
        link.publishBan(b.ip(), b.wire(), ttl, "B " + b.ip() + " " + b.wire(), () -> pending.remove(b.ip(), b));
    }

    void lifted(String ip) {
        pending.remove(ip);
        link.publishLift(ip, "L " + ip);
    }

    /** One channel message; its own bans come back too and change nothing. */
    void message(String m) {
        if (m == null || m.length() < 3 || m.length() > 512 || m.charAt(1) != ' ') {
            return;
        }
        if (m.charAt(0) == 'L') {
            String ip = IpText.normalize(m.substring(2));
            if (ip != null) {
                list.liftLocal(ip);
            }
            return;
        }
        int sp = m.indexOf(' ', 2);
        if (m.charAt(0) != 'B' || sp < 0) {
            return;
        }
        Ban b = Ban.parse(m.substring(2, sp), m.substring(sp + 1));
        if (b != null) {
            list.apply(b, "redis");
        }
    }

    private void resync() {
        for (Ban b : pending.values()) {
            store(b);
        }
        for (Map.Entry<String, String> e : link.storedBans(list.maxBans()).entrySet()) {
            Ban b = Ban.parse(e.getKey(), e.getValue());
            if (b != null) {
                list.apply(b, "redis");
            }
        }
    }
}
