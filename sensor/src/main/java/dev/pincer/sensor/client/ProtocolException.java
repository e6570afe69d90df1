package dev.pincer.sensor.client;

import java.io.IOException;

/** A frame that breaks the protocol: the connection it came on is closed. */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int code;

    public ProtocolException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The ERROR code to send before closing ({@link Frames#ERR_MALFORMED}, ...). */
    public int code() {
        return code;
    }
}
