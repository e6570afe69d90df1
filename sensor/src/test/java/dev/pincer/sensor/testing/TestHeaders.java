package dev.pincer.sensor.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs context headers as the proxy does (docs/sensor-protocol.md, section 1), for tests. */
public final class TestHeaders {
    private TestHeaders() {
    }

    public static String sign(String token, String ctx, int hint, long expiry) {
        byte[] headerKey = hmac(token.getBytes(StandardCharsets.UTF_8),
                "pincer header v1".getBytes(StandardCharsets.UTF_8));
        String signed = "1:" + ctx + ":" + Integer.toHexString(hint) + ":" + expiry;
        byte[] mac = hmac(headerKey, signed.getBytes(StandardCharsets.UTF_8));
        byte[] first16 = java.util.Arrays.copyOf(mac, 16);
        return signed + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(first16);
    }

    /** A header valid for the next hour. */
    public static String sign(String token, String ctx, int hint) {
        return sign(token, ctx, hint, System.currentTimeMillis() / 1000 + 3600);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
