package dev.pincer.sensor.context;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request-context header, {@code X-Pincer-Context: 1:<ctx>:<hint>:<expiry>:<sig>}
 * (docs/sensor-protocol.md, section 1).
 *
 * <p>{@code sig} is the first 16 bytes of {@code HMAC-SHA256(header_key, "1:<ctx>:<hint>:<expiry>")}
 * in base64url without padding, where {@code header_key = HMAC-SHA256(token, "pincer header v1")}.
 * A header that is malformed, badly signed or expired verifies to {@code null}: the request then has
 * no context, and its hint is not trusted.
 *
 * <p>Example: token {@code 0123456789abcdef0123}, ctx {@code 000102...0f}, hint 7, expiry
 * 4102444800 gives {@code 1:000102030405060708090a0b0c0d0e0f:7:4102444800:<22 characters>}.
 */
public final class ContextHeader {
    public static final String NAME = "X-Pincer-Context";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIG_CHARS = 22;
    private static final int CTX_CHARS = 32;

    private final SecretKeySpec headerKey;
    private final ThreadLocal<Mac> macs;

    /** @param token the shared token (UTF-8 bytes are the key) */
    public ContextHeader(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("token");
        }
        byte[] key = hmac(token.getBytes(StandardCharsets.UTF_8), "pincer header v1".getBytes(StandardCharsets.UTF_8));
        this.headerKey = new SecretKeySpec(key, ALGORITHM);
        this.macs = new ThreadLocal<Mac>() {
            @Override
            protected Mac initialValue() {
                try {
                    Mac mac = Mac.getInstance(ALGORITHM);
                    mac.init(headerKey);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** A verified header: the context id and the hint bits. */
    public static final class Context {
        public final String ctx;
        public final int hint;
        public final long expiry;

        Context(String ctx, int hint, long expiry) {
            this.ctx = ctx;
            this.hint = hint;
            this.expiry = expiry;
        }
    }

    /** Why a header did not verify; {@link #OK} when it did. */
    public enum Result {
        OK, ABSENT, MALFORMED, BAD_SIGNATURE, EXPIRED
    }

    /**
     * Verifies {@code header} at {@code nowSeconds} (Unix time). Returns the context, or {@code null}
     * with the reason left in {@code why[0]} when {@code why} is not null.
     */
    public Context verify(String header, long nowSeconds, Result[] why) {
        Result r = Result.OK;
        Context c = null;
        if (header == null || header.isEmpty()) {
            r = Result.ABSENT;
        } else {
            c = parse(header);
            if (c == null) {
                r = Result.MALFORMED;
            } else {
                int sigStart = header.length() - SIG_CHARS;
                String expected = sign(header.substring(0, sigStart - 1));
                if (!constantTimeEquals(expected, header, sigStart)) {
                    r = Result.BAD_SIGNATURE;
                    c = null;
                } else if (nowSeconds > c.expiry) {
                    r = Result.EXPIRED;
                    c = null;
                }
            }
        }
        if (why != null) {
            why[0] = r;
        }
        return c;
    }

    /** Builds a signed header (what the proxy does); for tests and benchmarks. */
    public String header(String ctx, int hint, long expiry) {
        String signed = "1:" + ctx + ":" + Integer.toHexString(hint) + ":" + expiry;
        return signed + ":" + sign(signed);
    }

    /** The 22-character signature of {@code "1:<ctx>:<hint>:<expiry>"}. */
    String sign(String signedPart) {
        byte[] mac = macs.get().doFinal(signedPart.getBytes(StandardCharsets.UTF_8));
        byte[] first16 = new byte[16];
        System.arraycopy(mac, 0, first16, 0, 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(first16);
    }

    /** Strict form check; the signature field is only checked for its length and alphabet here. */
    static Context parse(String h) {
        // 1 : ctx(32) : hint(1) : expiry(1..19) : sig(22)
        int n = h.length();
        if (n < 2 + CTX_CHARS + 1 + 1 + 1 + 1 + 1 + SIG_CHARS || h.charAt(0) != '1' || h.charAt(1) != ':') {
            return null;
        }
        for (int i = 2; i < 2 + CTX_CHARS; i++) {
            if (!lowerHex(h.charAt(i))) {
                return null;
            }
        }
        int p = 2 + CTX_CHARS;
        if (h.charAt(p) != ':' || !lowerHex(h.charAt(p + 1)) || h.charAt(p + 2) != ':') {
            return null;
        }
        int hint = Character.digit(h.charAt(p + 1), 16);
        int expStart = p + 3;
        int expEnd = n - SIG_CHARS - 1;
        if (expEnd <= expStart || expEnd - expStart > 18 || h.charAt(expEnd) != ':') {
            return null;
        }
        long expiry = 0;
        for (int i = expStart; i < expEnd; i++) {
            char c = h.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            expiry = expiry * 10 + (c - '0');
        }
        for (int i = expEnd + 1; i < n; i++) {
            char c = h.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return null;
            }
        }
        return new Context(h.substring(2, 2 + CTX_CHARS), hint, expiry);
    }

    private static boolean lowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** Compares {@code expected} with {@code actual[from..]} in time independent of where they differ. */
    static boolean constantTimeEquals(String expected, String actual, int from) {
        if (actual.length() - from != expected.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < expected.length(); i++) {
            diff |= expected.charAt(i) ^ actual.charAt(from + i);
        }
        return diff == 0;
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
