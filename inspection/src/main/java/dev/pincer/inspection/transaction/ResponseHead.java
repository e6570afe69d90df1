package dev.pincer.inspection.transaction;

import dev.pincer.inspection.request.HeaderField;
import java.util.List;
import java.util.Objects;

/**
 * The status and header section of the upstream's response, as the proxy received it.
 *
 * <p>Example: {@code new ResponseHead(200, List.of(new HeaderField("Content-Type", "text/html")))}.
 */
public record ResponseHead(int status, List<HeaderField> headers) {
    public ResponseHead {
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
    }
}
