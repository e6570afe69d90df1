package dev.pincer.config;

import dev.pincer.config.ProtectionConfig.Mode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a valid config allows but leaves Pincer weaker than its operator likely thinks. A warning
 * never rejects a config: {@code check-config} prints each as a {@code warning:} line and exits 0,
 * and the running proxy logs each once at start and once per reload.
 *
 * <p>Three are checked: a correlator listening beyond loopback, {@code trusted_proxies} that
 * together cover every IPv4 or every IPv6 address, and {@code mode: edge} while no edge rules are
 * configured. For a file with {@code correlator: { listen: 0.0.0.0:7701, ... }} on line 12:
 * <pre>
 * pincer.yaml:12: correlator.listen: 0.0.0.0:7701 (listens beyond loopback, on every interface: ...)
 * </pre>
 */
public final class ConfigWarnings {
    /** No edge rules: the config has no {@code protection.rules}. */
    public static final int NO_RULE_ENGINE = 0;

    /** The edge rule files a config loads ({@code protection.rules}), for {@link #check}. */
    public static int edgeRules(PincerConfig config) {
        return config.protection().rules().files().size();
    }

    private ConfigWarnings() {
    }

    /**
     * One warning, located like a {@link ConfigProblem}.
     *
     * @param file  the file name as given
     * @param line  1-based line of the value, or 0 when unknown (the file could not be read again)
     * @param key   the key path, {@code trusted_proxies[0]}
     * @param value the value as written
     * @param why   what it costs and what to do instead
     */
    public record Warning(String file, int line, String key, String value, String why) {
        public Warning {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(why, "why");
        }

        /** {@code pincer.yaml:4: trusted_proxies[0]: 0.0.0.0/0 (trusts ...)}. */
        @Override
        public String toString() {
            return (line > 0 ? file + ":" + line : file) + ": " + key + ": " + value + " (" + why + ")";
        }
    }

    /** The warnings for {@code config}, with lines from its source file when it can be read. */
    public static List<Warning> check(PincerConfig config, int edgeRules) {
        Objects.requireNonNull(config, "config");
        return check(config, ConfigLines.of(config.source()), edgeRules);
    }

    /** The warnings for {@code config}, with lines from {@code yaml}, the text it was parsed from. */
    public static List<Warning> check(PincerConfig config, String yaml, int edgeRules) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(yaml, "yaml");
        return check(config, ConfigLines.parse(yaml), edgeRules);
    }

    private static List<Warning> check(PincerConfig config, ConfigLines lines, int edgeRules) {
        String file = config.source() == null ? "<built-in>" : config.source().toString();
        List<Warning> out = new ArrayList<>();
        CorrelatorConfig c = config.correlator();
        if (c != null) {
            String exposure = exposure(c.listen().host());
            if (exposure != null) {
                out.add(new Warning(file, lines.line("correlator", "listen"), "correlator.listen",
                        c.listen().toString(), "listens beyond loopback, " + exposure + ": any host that"
                                + " reaches this port can try to authenticate as a sensor; use 127.0.0.1 when"
                                + " the app runs beside the proxy, or let only the app hosts reach the port"
                                + " (docs/deployment.md)"));
            }
            if (config.protection().mode() == Mode.EDGE && edgeRules <= 0) {
                out.add(new Warning(file, lines.line("protection", "mode"), "protection.mode", "edge",
                        "no edge rules are configured, so nothing is blocked at the edge, and in edge mode"
                                + " sink findings are only recorded (action observed): this config blocks"
                                + " no attack; use hybrid to block at the sink"));
            }
        }
        for (CidrCoverage.Whole whole : CidrCoverage.wholeFamilies(config.trustedProxies())) {
            String why = "trusts the forwarding headers of every " + whole.family() + " client: any client"
                    + " can choose the address Pincer logs and forwards; list only your load balancers'"
                    + " ranges";
            if (whole.single() >= 0) {
                out.add(new Warning(file, lines.line("trusted_proxies", whole.single()),
                        "trusted_proxies[" + whole.single() + "]",
                        config.trustedProxies().get(whole.single()).toString(), why));
            } else {
                out.add(new Warning(file, lines.line("trusted_proxies"), "trusted_proxies", whole.ranges(),
                        "together these " + why));
            }
        }
        out.sort(Comparator.comparingInt(Warning::line));
        return List.copyOf(out);
    }

    /**
     * Null when {@code host} is loopback; else how far it reaches. {@code localhost} counts as
     * loopback (RFC 6761, section 6.3); any other name is not known to be, so it warns.
     */
    static String exposure(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return null;
        }
        if (!h.matches("\\d{1,3}(\\.\\d{1,3}){3}") && h.indexOf(':') < 0) {
            return "through host name " + host + ", which is not known to resolve to loopback";
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(h); // an IP literal (validated at load): no lookup happens
        } catch (UnknownHostException e) {
            return "on " + host;
        }
        if (a.isLoopbackAddress()) {
            return null;
        }
        return a.isAnyLocalAddress() ? "on every interface" : "on a network address";
    }
}
