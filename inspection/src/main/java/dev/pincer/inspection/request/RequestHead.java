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
 */
public record RequestHead(String method, String target, List<HeaderField> headers) {
    public RequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
    }
}
