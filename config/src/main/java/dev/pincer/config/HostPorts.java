package dev.pincer.config;

/**
 * Parses a socket address as written in a config: {@code host:port} or {@code [v6]:port}, where
 * host is a DNS name or an IP literal. Example: {@code parse("[::1]:8443", 1)} is
 * {@code HostPort("::1", 8443)}.
 */
final class HostPorts {
    static final String EXPECTED = "host:port or [ipv6]:port";

    private HostPorts() {
    }

    /**
     * @param minPort 0 where an ephemeral port makes sense (listeners), else 1
     * @throws IllegalArgumentException with what was expected when the text is not an address
     */
    static HostPort parse(String text, int minPort) {
        String s = text.trim();
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(EXPECTED);
        }
        String host = s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (!HostNames.isIpv6(host)) {
                throw new IllegalArgumentException(EXPECTED + " with a valid IPv6 literal in brackets");
            }
        } else if (!HostNames.isNameOrIpv4(host)) {
            throw new IllegalArgumentException(EXPECTED + " with a valid host name or IP address"
                    + (host.indexOf(':') >= 0 ? " (IPv6 needs brackets)" : ""));
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < minPort || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException(EXPECTED + " with a port from " + minPort + " to 65535");
        }
        return new HostPort(host, Integer.parseInt(port));
    }
}
