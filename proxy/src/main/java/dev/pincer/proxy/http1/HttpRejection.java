package dev.pincer.proxy.http1;

import java.util.Objects;

/**
 * Inbound message emitted by {@link StrictHttpRequestDecoder} (or {@link HeadTimeoutHandler})
 * instead of, or in the middle of, a request. Nothing follows it on the connection: the decoder
 * discards all later input, so the proxy answers {@code reason.status()} (or aborts the upstream
 * exchange if the request head was already forwarded) and closes.
 *
 * @param reason why the request was refused
 * @param detail short text for logs; client bytes in it are escaped and cut to 64 bytes
 */
public record HttpRejection(RejectReason reason, String detail) {

    public HttpRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
