package dev.pincer.correlator.protocol;

/**
 * The frame types of sensor protocol versions 1 and 2 (docs/sensor-protocol.md, "Frame types"). The
 * code is the frame's {@code type} byte. {@link #INPUTS} and {@link #TIMEOUT} exist from version 2;
 * on a version 1 connection they are malformed.
 */
public enum FrameType {
    CHALLENGE(0x01),
    HELLO(0x02),
    WELCOME(0x03),
    CHECK(0x10),
    VERDICT(0x11),
    /** Version 2: the app's own view of a request's inputs. */
    INPUTS(0x12),
    PING(0x20),
    PONG(0x21),
    REPORT(0x30),
    /** Version 2: the sensor stopped waiting for a CHECK's verdict. */
    TIMEOUT(0x31),
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

    /** The first protocol version that has this frame type. */
    public int sinceVersion() {
        return this == INPUTS || this == TIMEOUT ? 2 : 1;
    }

    /** The type with this code, or {@code null} for an unknown code. */
    public static FrameType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
