package dev.pincer.correlator.protocol;

/**
 * The codes of an ERROR frame (docs/sensor-protocol.md, "Errors"). After an ERROR on stream 0 the
 * sender closes the connection; {@link #UNKNOWN_KIND} is the only stream-level code. The label is
 * the spec's name, used as the {@code code} label of {@code pincer_sensor_protocol_errors_total}.
 */
public enum ErrorCode {
    MALFORMED(1, "malformed"),
    TOO_LARGE(2, "too_large"),
    UNAUTHENTICATED(3, "unauthenticated"),
    AUTH_FAILED(4, "auth_failed"),
    UNSUPPORTED_VERSION(5, "unsupported_version"),
    TOO_MANY_IN_FLIGHT(6, "too_many_in_flight"),
    TOO_MANY_SENSORS(7, "too_many_sensors"),
    HANDSHAKE_TIMEOUT(8, "handshake_timeout"),
    SHUTTING_DOWN(9, "shutting_down"),
    UNKNOWN_KIND(10, "unknown_kind");

    private static final ErrorCode[] BY_CODE = new ErrorCode[16];

    static {
        for (ErrorCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;
    private final String label;

    ErrorCode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The code with this number, or {@code null} for one this version does not know. */
    public static ErrorCode ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
