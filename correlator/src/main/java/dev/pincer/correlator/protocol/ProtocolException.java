package dev.pincer.correlator.protocol;

import io.netty.handler.codec.DecoderException;
import java.util.Objects;

/**
 * A frame the correlator refuses, with the ERROR code to answer it with. Thrown by
 * {@link FrameDecoder} (which then discards the rest of the connection's input) and by the frame
 * parser; the handler answers ERROR on stream 0 and closes. Carries no stack trace: a hostile peer
 * can cause these cheaply.
 */
public final class ProtocolException extends DecoderException {
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
