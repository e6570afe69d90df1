package dev.pincer.proxy.http1;

import dev.pincer.config.LimitsConfig;

/**
 * Limits {@link StrictHttpRequestDecoder} enforces while it reads, so that no request makes it hold
 * more than about {@code maxUriLength + maxHeaderBytes} bytes of head in memory.
 *
 * @param maxUriLength   request-target length in bytes (414 past it)
 * @param maxHeaderBytes all field lines of a request, each counted with its CRLF, the request line
 *                       and the empty line that ends the section excluded; trailer fields count
 *                       against the same budget (431 past it)
 * @param maxHeaders     number of field lines, trailers included (431 past it)
 * @param maxBodyBytes   body bytes, declared by Content-Length or summed over chunk sizes (413 past it)
 */
public record Http1Limits(int maxUriLength, int maxHeaderBytes, int maxHeaders, long maxBodyBytes) {

    /** Bound on the values so that the decoder's internal sums cannot overflow an int. */
    private static final int MAX_HEAD_LIMIT = 1 << 24;

    public Http1Limits {
        requireRange("maxUriLength", maxUriLength, 1, MAX_HEAD_LIMIT);
        requireRange("maxHeaderBytes", maxHeaderBytes, 0, MAX_HEAD_LIMIT);
        requireRange("maxHeaders", maxHeaders, 0, MAX_HEAD_LIMIT);
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes: " + maxBodyBytes + " (expected: >= 0)");
        }
    }

    /** The HTTP/1 part of the proxy's configured limits. */
    public static Http1Limits from(LimitsConfig config) {
        return new Http1Limits(config.maxUriLength(), config.maxHeaderBytes(), config.maxHeaders(),
                config.maxBodyBytes());
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }
}
