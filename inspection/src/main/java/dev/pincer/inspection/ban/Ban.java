package dev.pincer.inspection.ban;

import java.time.Instant;
import java.util.Objects;

/**
 * One banned client: refused from {@code since} until {@code until}, for {@code reason}.
 *
 * <p>Example: {@code new Ban("203.0.113.7", t, t.plus(10m), "20 blocked requests within PT1M (last: rate_limit)")}.
 *
 * @param ip the address as {@link IpText#normalize} writes it
 */
public record Ban(String ip, Instant since, Instant until, String reason) {
    /** Reasons are shown in the admin API and events; one from Redis is cut to this. */
    static final int MAX_REASON = 200;

    public Ban {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code {"ip":...,"since":...,"until":...,"reason":...}}, as the admin API lists it. */
    public String json() {
        StringBuilder sb = new StringBuilder(160).append("{\"ip\":");
        BanEvents.quote(sb, ip).append(",\"since\":\"").append(since).append("\",\"until\":\"").append(until)
                .append("\",\"reason\":");
        return BanEvents.quote(sb, reason).append('}').toString();
    }

    /** The value stored in Redis and sent on the channel: {@code since until reason} (epoch ms). */
    String wire() {
        return since.toEpochMilli() + " " + until.toEpochMilli() + " " + reason;
    }

    /** Parses {@link #wire()}; null when malformed (a hostile or foreign value is dropped). */
    static Ban parse(String ip, String wire) {
        if (ip == null || wire == null || IpText.normalize(ip) == null || !ip.equals(IpText.normalize(ip))) {
            return null;
        }
        int a = wire.indexOf(' ');
        int b = a < 0 ? -1 : wire.indexOf(' ', a + 1);
        if (b < 0) {
            return null;
        }
        try {
            long since = Long.parseLong(wire, 0, a, 10);
            long until = Long.parseLong(wire, a + 1, b, 10);
            String reason = wire.substring(b + 1);
            if (until <= since || since < 0) {
                return null;
            }
            return new Ban(ip, Instant.ofEpochMilli(since), Instant.ofEpochMilli(until),
                    reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
