package dev.pincer.correlator.ssrf;

import dev.pincer.correlator.analyzer.internal.HostText;
import dev.pincer.correlator.sink.SinkCall;

/**
 * The socket connect a {@code url} CHECK reports, when the sensor made it at connect time
 * (docs/sensor-protocol.md, "Sink kinds", url): the address actually connected to
 * ({@code connect.ip}), its port, and the name the socket was asked for ({@code connect.host}).
 * Judging this address, not a lookup of our own, is what catches a public-looking name that
 * resolves to an internal address, and DNS rebinding.
 *
 * <p>Example: attrs {@code connect.ip=127.0.0.1, connect.port=8080, connect.host=internal.example}
 * give {@code internal = "loopback address 127.0.0.1"}, and {@code isFor("Internal.Example.")} is
 * true.
 *
 * @param ip       the connected address as the sensor printed it
 * @param host     the name (or literal) the socket was asked to connect to; may be empty
 * @param internal why {@code ip} is internal ({@link Ranges#connected}), or null when it is public
 */
record Connect(String ip, String host, String internal) {
    static final String IP = "connect.ip";
    static final String HOST = "connect.host";

    /** The connect half of {@code call}, or null for a URL-level check (no {@code connect.ip}). */
    static Connect of(SinkCall call) {
        String ip = call.attr(IP);
        if (ip == null) {
            return null;
        }
        String host = call.attr(HOST);
        return new Connect(ip, host == null ? "" : host, Ranges.connected(ip.strip()));
    }

    /**
     * True when the socket went to {@code urlHost} itself (compared as clients normalise names,
     * brackets aside), false when it went elsewhere: a proxy, or the target of a redirect.
     */
    boolean isFor(String urlHost) {
        return !host.isEmpty() && bare(urlHost).equals(bare(host));
    }

    private static String bare(String h) {
        String n = HostText.normalize(h);
        return n.length() >= 2 && n.startsWith("[") && n.endsWith("]") ? n.substring(1, n.length() - 1) : n;
    }
}
