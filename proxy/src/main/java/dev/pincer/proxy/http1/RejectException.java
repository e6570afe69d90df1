package dev.pincer.proxy.http1;

/**
 * Thrown by the rule classes of this package and caught by {@link StrictHttpRequestDecoder}, which
 * turns it into an {@link HttpRejection}. Never leaves the decoder. No stack trace: it is control
 * flow on a path any client can trigger.
 */
final class RejectException extends RuntimeException {

    private final RejectReason reason;

    RejectException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }

    HttpRejection toRejection() {
        return new HttpRejection(reason, getMessage());
    }
}
