package dev.pincer.inspection.ban;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ban events, one JSON object per line at INFO on logger {@code pincer.security}, in the
 * style of the other security events: {@code ban_start} ({@code origin} {@code local} for a ban
 * this instance made, {@code redis} for one another instance made) and {@code ban_end}
 * ({@code cause}: {@code expired}, {@code lifted} by the admin API here or elsewhere, or
 * {@code evicted} when the list was full).
 *
 * <p>Example: {@code {"ts":"...","event":"ban_start","client_ip":"203.0.113.7","since":"...",
 * "until":"...","reason":"20 blocked requests within PT1M (last: rate_limit)","origin":"local"}}.
 */
final class BanEvents {
    private static final Logger LOG = LoggerFactory.getLogger("pincer.security");

    private BanEvents() {
    }

    static void started(Ban b, String origin, Instant now) {
        if (LOG.isInfoEnabled()) {
            LOG.info(startJson(b, origin, now));
        }
    }

    static void ended(Ban b, String cause, Instant now) {
        if (LOG.isInfoEnabled()) {
            LOG.info(endJson(b, cause, now));
        }
    }

    static String startJson(Ban b, String origin, Instant now) {
        StringBuilder sb = head(now, "ban_start", b);
        sb.append(",\"reason\":");
        quote(sb, b.reason());
        sb.append(",\"origin\":");
        return quote(sb, origin).append('}').toString();
    }

    static String endJson(Ban b, String cause, Instant now) {
        StringBuilder sb = head(now, "ban_end", b);
        sb.append(",\"cause\":");
        return quote(sb, cause).append('}').toString();
    }

    private static StringBuilder head(Instant now, String event, Ban b) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"ts\":\"").append(now).append("\",\"event\":\"").append(event).append('"');
        sb.append(",\"client_ip\":");
        quote(sb, b.ip());
        sb.append(",\"since\":\"").append(b.since()).append("\",\"until\":\"").append(b.until()).append('"');
        return sb;
    }

    /** JSON string (RFC 8259 section 7): quote, backslash and every control character escaped. */
    static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"');
    }
}
