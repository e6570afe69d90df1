package dev.pincer.correlator.server;

import dev.pincer.correlator.protocol.ErrorCode;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.protocol.Protocol;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The correlator's half of docs/sensor-protocol.md "Handshake" for one connection: a fresh
 * 32-byte nonce for CHALLENGE, and the check of the HELLO that answers it (the version first, so
 * a newer sensor learns why it was refused; then the proof, compared in constant time). The token
 * never leaves this class.
 */
final class Handshake {
    private static final SecureRandom NONCES = new SecureRandom();

    /** Why a HELLO was refused. */
    record Refusal(ErrorCode code, String message) {
    }

    private final String token;
    private final byte[] nonce = new byte[Protocol.NONCE_BYTES];

    Handshake(String token) {
        this.token = token;
        NONCES.nextBytes(nonce);
    }

    Frame.Challenge challenge() {
        return new Frame.Challenge(Protocol.MIN_VERSION, Protocol.MAX_VERSION, nonce.clone());
    }

    /** {@code null} when the HELLO is accepted. */
    Refusal check(Frame.Hello h) {
        if (h.version() < Protocol.MIN_VERSION || h.version() > Protocol.MAX_VERSION) {
            return new Refusal(ErrorCode.UNSUPPORTED_VERSION, "version " + h.version() + "; this correlator speaks "
                    + Protocol.MIN_VERSION + " to " + Protocol.MAX_VERSION);
        }
        if (!MessageDigest.isEqual(h.proof(), Protocol.proof(token, nonce))) {
            return new Refusal(ErrorCode.AUTH_FAILED, "wrong proof");
        }
        return null;
    }
}
