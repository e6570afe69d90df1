package dev.pincer.correlator.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The fixed numbers of the sensor protocol, versions 1 and 2 (docs/sensor-protocol.md, section 2). */
public final class Protocol {
    /**
     * The newest version this correlator speaks; CHALLENGE offers {@code [MIN_VERSION, MAX_VERSION]}
     * and WELCOME confirms the version the sensor chose from it.
     */
    public static final int VERSION = 2;
    public static final int MIN_VERSION = 1;
    public static final int MAX_VERSION = 2;

    /** {@code length:u32} in front of every frame. */
    public static final int LENGTH_BYTES = 4;
    /** {@code type:u8 stream:u32}: the smallest legal {@code length}. */
    public static final int MIN_LENGTH = 5;
    /** What a sensor accepts from the correlator; VERDICT reasons are cut to stay far below it. */
    public static final int MAX_CORRELATOR_FRAME = 64 * 1024;

    public static final int NONCE_BYTES = 32;
    public static final int PROOF_BYTES = 32;
    public static final int PING_BYTES = 8;
    /** {@code sensor_id}, {@code runtime} and {@code app} in HELLO. */
    public static final int MAX_HELLO_STRING_BYTES = 256;
    public static final int MAX_ARGS = 1024;
    public static final int MAX_ATTRS = 64;
    public static final int MAX_STACK_BYTES = 2048;
    /** INPUTS entries the correlator parses; more is malformed (a sensor sends at most 512 by default). */
    public static final int MAX_APP_INPUTS = 4096;
    /** INPUTS {@code flags} bit 0: the sensor cut something (entries, a name or a value). */
    public static final int INPUTS_TRUNCATED = 1;
    /** INPUTS {@code source}: the servlet parameter map, a header, a cookie. */
    public static final int SOURCE_PARAMETER = 1;
    public static final int SOURCE_HEADER = 2;
    public static final int SOURCE_COOKIE = 3;
    /** TIMEOUT {@code applied}: the sensor let the sink run, or stopped it. */
    public static final int APPLIED_FAIL_OPEN = 0;
    public static final int APPLIED_FAIL_CLOSED = 1;

    /** The spec's handshake deadline: no HELLO within it gets ERROR {@code handshake_timeout}. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    /** The correlator closes a connection silent for this long (the sensor PINGs after 15 s). */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** WELCOME's {@code mode} byte. */
    public static final int MODE_HYBRID = 0;
    public static final int MODE_EDGE = 1;
    public static final int MODE_MONITOR = 2;

    private static final byte[] AUTH_LABEL = "pincer auth v1".getBytes(StandardCharsets.US_ASCII);

    private Protocol() {
    }

    /**
     * HELLO's proof: {@code HMAC-SHA256(key = UTF-8 token, message = "pincer auth v1" || nonce)}.
     * Compare it with {@link java.security.MessageDigest#isEqual} (constant time).
     */
    public static byte[] proof(String token, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(AUTH_LABEL);
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
