package dev.pincer.correlator.server;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.correlator.protocol.Protocol;
import java.time.Duration;
import java.util.Objects;

/**
 * What one sensor connection is held to, fixed when it is accepted (a reload changes the settings
 * of connections accepted after it).
 *
 * @param token            the shared secret HELLO proves
 * @param maxSensors       connections (handshaking or not) accepted at once
 * @param maxFrame         the largest frame {@code length} accepted (WELCOME {@code max_frame})
 * @param maxInFlight      CHECKs outstanding per connection (WELCOME {@code max_in_flight})
 * @param verdictTimeoutMs the sensor's suggested verdict timeout (WELCOME)
 * @param mode             the mode announced in WELCOME
 * @param handshakeTimeout from accept to HELLO (5 s in the spec)
 * @param idleTimeout      a connection silent this long is closed (60 s in the spec)
 */
record SensorSettings(String token, int maxSensors, int maxFrame, int maxInFlight, int verdictTimeoutMs, Mode mode,
                      Duration handshakeTimeout, Duration idleTimeout) {
    SensorSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** @param mode {@code protection.mode}, announced in WELCOME */
    static SensorSettings of(CorrelatorConfig c, Mode mode) {
        long ms = Math.min(Math.max(c.verdictTimeout().toMillis(), 1), Integer.MAX_VALUE);
        return new SensorSettings(c.token(), c.maxSensors(), c.maxFrameBytes(), c.maxInFlight(), (int) ms, mode,
                Protocol.HANDSHAKE_TIMEOUT, Protocol.IDLE_TIMEOUT);
    }

    int modeCode() {
        return switch (mode) {
            case HYBRID -> Protocol.MODE_HYBRID;
            case EDGE -> Protocol.MODE_EDGE;
            case MONITOR -> Protocol.MODE_MONITOR;
        };
    }
}
