package dev.pincer.inspection.request;

import java.util.List;
import java.util.Objects;

/**
 * The request line and header section of one request, as the proxy decoded them.
 *
 * <p>Example: {@code new RequestHead("GET", "/users/42?tab=posts",
 * List.of(new HeaderField("Host", "app.example")))}.
 *
 * @param method  the request method
 * @param target  the raw request-target from the wire: origin-form {@code /a/b?x=1}, absolute-form
 *                {@code http://h/a?x}, authority-form {@code h:443} or {@code *}
 * @param headers the header fields in wire order (an immutable copy is kept)
 * @param protocol the protocol version as the request line gave it ({@code HTTP/1.1}, {@code HTTP/1.0})
 */
public record RequestHead(String method, String target, List<HeaderField> headers, String protocol) {
    public RequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(protocol, "protocol");
    }

    /** A request of protocol {@code HTTP/1.1}. */
    public RequestHead(String method, String target, List<HeaderField> headers) {
        this(method, target, headers, "HTTP/1.1");
    }
}
