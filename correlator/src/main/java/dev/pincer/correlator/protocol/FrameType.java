package dev.pincer.correlator.protocol;

/**
 * The frame types of sensor protocol version 1 (docs/sensor-protocol.md, "Frame types"). The code is
 * the frame's {@code type} byte.
 */
public enum FrameType {
    CHALLENGE(0x01),
    HELLO(0x02),
    WELCOME(0x03),
    CHECK(0x10),
    VERDICT(0x11),
    PING(0x20),
    PONG(0x21),
    REPORT(0x30),
    ERROR(0x7F);

    private static final FrameType[] BY_CODE = new FrameType[128];

    static {
        for (FrameType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code, or {@code null} for an unknown code. */
    public static FrameType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
