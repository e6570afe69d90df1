package dev.pincer.proxy.it;

/** YAML for the whole-proxy tests when {@code PincerHarness.yaml} is not enough. */
final class Configs {
    private Configs() {
    }

    /**
     * One plain listener and the admin on ephemeral ports, upstream {@code app} with
     * {@code servers} and the {@code upstreamKeys} (a flow mapping's entries, e.g.
     * {@code "response_timeout: 500ms"}), one route to it, and {@code extra} top-level YAML.
     */
    static String yaml(String upstreamKeys, String extra, String... servers) {
        return "listen: 127.0.0.1:0\n"
                + "admin: 127.0.0.1:0\n"
                + "access_log: false\n"
                + "upstreams:\n"
                + "  app: { servers: [" + String.join(", ", servers) + "], connect_timeout: 1s"
                + (upstreamKeys.isEmpty() ? "" : ", " + upstreamKeys) + " }\n"
                + "routes:\n"
                + "  - upstream: app\n"
                + extra;
    }
}
