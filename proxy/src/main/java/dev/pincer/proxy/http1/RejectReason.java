package dev.pincer.proxy.http1;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;

/**
 * Why a request was refused before it reached an upstream. Each reason carries the status the
 * proxy answers with and a stable snake_case label for {@code pincer_rejected_requests_total{reason=...}}.
 */
public enum RejectReason {
    BAD_REQUEST_LINE(HttpResponseStatus.BAD_REQUEST),
    BAD_METHOD(HttpResponseStatus.BAD_REQUEST),
    BAD_TARGET(HttpResponseStatus.BAD_REQUEST),
    BAD_VERSION(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED),
    URI_TOO_LONG(HttpResponseStatus.REQUEST_URI_TOO_LONG),
    BAD_HEADER_NAME(HttpResponseStatus.BAD_REQUEST),
    BAD_HEADER_VALUE(HttpResponseStatus.BAD_REQUEST),
    SPACE_BEFORE_COLON(HttpResponseStatus.BAD_REQUEST),
    OBS_FOLD(HttpResponseStatus.BAD_REQUEST),
    BARE_CR(HttpResponseStatus.BAD_REQUEST),
    BARE_LF(HttpResponseStatus.BAD_REQUEST),
    HEADERS_TOO_LARGE(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    TOO_MANY_HEADERS(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    MISSING_HOST(HttpResponseStatus.BAD_REQUEST),
    DUPLICATE_HOST(HttpResponseStatus.BAD_REQUEST),
    BAD_HOST(HttpResponseStatus.BAD_REQUEST),
    /** Two Content-Type fields: a singleton whose readers disagree on which counts. */
    DUPLICATE_CONTENT_TYPE(HttpResponseStatus.BAD_REQUEST),
    CONTENT_LENGTH_AND_TRANSFER_ENCODING(HttpResponseStatus.BAD_REQUEST),
    BAD_CONTENT_LENGTH(HttpResponseStatus.BAD_REQUEST),
    BAD_TRANSFER_ENCODING(HttpResponseStatus.BAD_REQUEST),
    BAD_CHUNK(HttpResponseStatus.BAD_REQUEST),
    BODY_TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE),
    /** A Connection header names a framing, routing or Pincer field ({@link ConnectionRules}). */
    BAD_CONNECTION_HEADER(HttpResponseStatus.BAD_REQUEST),
    /** A header name with {@code _} on a listener with {@code underscore_headers: reject}. */
    UNDERSCORE_HEADER(HttpResponseStatus.BAD_REQUEST),
    HEADER_TIMEOUT(HttpResponseStatus.REQUEST_TIMEOUT),
    /** No body bytes for {@code body_read_timeout} while Pincer was reading. */
    BODY_TIMEOUT(HttpResponseStatus.REQUEST_TIMEOUT),
    /** The body averaged under {@code body_min_rate} after {@code body_rate_grace}. */
    BODY_TOO_SLOW(HttpResponseStatus.REQUEST_TIMEOUT);

    private final HttpResponseStatus status;
    private final String label;

    RejectReason(HttpResponseStatus status) {
        this.status = status;
        this.label = name().toLowerCase(Locale.ROOT);
    }

    /** The status the proxy answers with, e.g. 505 for {@link #BAD_VERSION}. */
    public HttpResponseStatus status() {
        return status;
    }

    /** Prometheus label value, e.g. {@code "content_length_and_transfer_encoding"}. */
    public String label() {
        return label;
    }
}
