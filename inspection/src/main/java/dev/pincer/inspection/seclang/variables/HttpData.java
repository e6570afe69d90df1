package dev.pincer.inspection.seclang.variables;

import dev.pincer.inspection.request.HeaderField;
import java.util.List;
import java.util.Objects;

/**
 * One request as the rule engine reads it: the request line as sent, the headers in wire order,
 * the client, and the body prefix the proxy held. Header names and values, the target and the
 * body are byte strings (one char per byte), as ModSecurity sees them.
 *
 * @param method the method
 * @param target the request-target as sent ({@code /a/b?x=1})
 * @param protocol {@code HTTP/1.1}, {@code HTTP/2.0}...
 * @param headers the header fields in wire order
 * @param remoteAddress the client address (after trusted-proxy resolution)
 * @param remotePort the client port, or 0
 * @param uniqueId the request id, for UNIQUE_ID
 * @param body the body bytes held for inspection, or null when the request has none
 * @param bodyComplete false when {@code body} is a prefix of a longer body
 */
public record HttpData(String method, String target, String protocol, List<HeaderField> headers,
        String remoteAddress, int remotePort, String uniqueId, byte[] body, boolean bodyComplete) {

    public HttpData {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(protocol, "protocol");
        headers = List.copyOf(headers);
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(uniqueId, "uniqueId");
    }

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        for (HeaderField h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
