package dev.pincer.correlator.context;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs (and, for tests and tools, verifies) the request-context header of docs/sensor-protocol.md
 * section 1: {@code X-Pincer-Context: 1:<ctx>:<hint>:<expiry>:<sig>} with
 * {@code sig = base64url-no-padding(first 16 bytes of HMAC-SHA256(header_key, "1:<ctx>:<hint>:<expiry>"))}
 * and {@code header_key = HMAC-SHA256(UTF-8 token, "pincer header v1")}.
 *
 * <p>Example: token {@code 0123456789abcdef}, ctx {@code 000102030405060708090a0b0c0d0e0f},
 * hint 7, expiry 1767225600 gives the first test vector of the spec. Thread-safe. The hint bits
 * are {@code InputHint}'s, and which kinds each enables is {@code SinkKind#hint()}.
 */
public final class ContextHeader {
    public static final String NAME = "X-Pincer-Context";

    private static final int SIG_BYTES = 16;
    private static final int SIG_CHARS = 22;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Mac prototype;
    private final ThreadLocal<Mac> macs;

    public ContextHeader(String token) {
        Objects.requireNonNull(token, "token");
        byte[] key = hmac(token.getBytes(StandardCharsets.UTF_8), "pincer header v1");
        prototype = mac(key);
        macs = ThreadLocal.withInitial(this::copy);
    }

    /** The header value for {@code ctxId} (32 hex), {@code hint} (0..15), {@code expiry} (Unix seconds). */
    public String sign(String ctxId, int hint, long expiryEpochSeconds) {
        if (!ContextIds.valid(ctxId)) {
            throw new IllegalArgumentException("ctxId: " + ctxId + " (expected: 32 lower-case hex characters)");
        }
        if (hint < 0 || hint > 15 || expiryEpochSeconds < 0) {
            throw new IllegalArgumentException("hint " + hint + " / expiry " + expiryEpochSeconds + " out of range");
        }
        StringBuilder sb = new StringBuilder(80).append("1:").append(ctxId).append(':').append(HEX[hint])
                .append(':').append(expiryEpochSeconds);
        String signed = sb.toString();
        return sb.append(':').append(B64.encodeToString(sig(signed))).toString();
    }

    /** The parts of a header that verified. */
    public record Verified(String contextId, int hint, long expiryEpochSeconds) {
    }

    /**
     * What a sensor does on request entry: parse, check the form, the signature (constant time)
     * and the expiry. Returns {@code null} for anything it cannot verify.
     */
    public Verified verify(String value, long nowEpochSeconds) {
        if (value == null || value.length() > 128) {
            return null;
        }
        int last = value.lastIndexOf(':');
        String[] p = value.split(":", -1);
        if (p.length != 5 || !p[0].equals("1") || !ContextIds.valid(p[1]) || p[2].length() != 1
                || Character.digit(p[2].charAt(0), 16) < 0 || Character.isUpperCase(p[2].charAt(0))
                || !decimal(p[3]) || p[4].length() != SIG_CHARS) {
            return null;
        }
        byte[] expected = B64.encode(sig(value.substring(0, last)));
        if (!MessageDigest.isEqual(expected, p[4].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        long expiry = Long.parseLong(p[3]);
        return nowEpochSeconds > expiry ? null : new Verified(p[1], Character.digit(p[2].charAt(0), 16), expiry);
    }

    private byte[] sig(String signed) {
        Mac mac = macs.get();
        return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)), SIG_BYTES);
    }

    private static boolean decimal(String s) {
        if (s.isEmpty() || s.length() > 18 || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private Mac copy() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 Mac is cloneable in every Java runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        return mac(key).doFinal(message.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
