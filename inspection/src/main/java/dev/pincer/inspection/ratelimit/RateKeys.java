package dev.pincer.inspection.ratelimit;

import dev.pincer.config.RateLimitConfig.Limit;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.transaction.Transaction;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A request's bucket key under one limit: {@code i:<ip>}, {@code r:<route>|<ip>}, or
 * {@code h:<hash>} for a header key, where the hash is the first 128 bits of SHA-256 of the value,
 * so a key of any length costs the same memory and an API key is never held or sent to Redis in
 * clear. A request without the header (or with it empty) falls back to its IP key: it is limited,
 * never let through unlimited. A header sent twice counts by its first value.
 *
 * <p>Example: {@code X-Api-Key: k1} from 203.0.113.7 is {@code h:...}; no header: {@code i:203.0.113.7}.
 */
final class RateKeys {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private RateKeys() {
    }

    static String key(Limit l, Transaction tx) {
        String ip = ip(tx);
        return switch (l.kind()) {
            case IP -> "i:" + ip;
            case IP_ROUTE -> "r:" + tx.route() + "|" + ip;
            case HEADER -> {
                String v = header(tx, l.header());
                yield v == null || v.isEmpty() ? "i:" + ip : "h:" + hash(v);
            }
        };
    }

    /** For the finding: never the header's value. */
    static String describe(Limit l, String key) {
        if (key.startsWith("h:")) {
            return "the " + l.header() + " value " + key.substring(2, 10) + "...";
        }
        return key.startsWith("r:") ? "client " + key.substring(key.lastIndexOf('|') + 1) + " on " + key.substring(2,
                key.lastIndexOf('|')) : "client " + key.substring(2);
    }

    static String ip(Transaction tx) {
        InetAddress a = tx.client() != null ? tx.client() : tx.peer();
        return a == null ? "-" : a.getHostAddress();
    }

    private static String header(Transaction tx, String name) {
        for (HeaderField h : tx.head().headers()) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    private static String hash(String value) {
        MessageDigest md = SHA256.get();
        byte[] d = md.digest(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 16));
    }
}
