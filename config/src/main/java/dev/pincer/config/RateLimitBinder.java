package dev.pincer.config;

import dev.pincer.config.RateLimitConfig.KeyKind;
import dev.pincer.config.RateLimitConfig.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds a {@code rate_limits} list: each item {@code {name, key, rate, burst}}. {@code key} is
 * {@code ip} (default), {@code ip+route} or {@code header:Name}; {@code rate} is {@code N/s},
 * {@code N/m} or {@code N/h}; {@code burst} defaults to N. Example: {@code {name: login, key: ip+route,
 * rate: 5/m, burst: 5}}.
 */
final class RateLimitBinder {
    private static final List<String> KEYS = List.of("name", "key", "rate", "burst");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    static final String RATE = "a rate N/s, N/m or N/h with N from 1 to 1000000";
    static final String KEY = "ip, ip+route or header:<header name>";
    private static final long MAX_RATE = 1_000_000;

    private RateLimitBinder() {
    }

    static RateLimitConfig bind(Nodes nodes, Node node, String path) {
        List<Node> items = nodes.list(node, path, "a list of rate limits", false);
        if (items == null) {
            return RateLimitConfig.NONE;
        }
        if (items.size() > RateLimitConfig.MAX_LIMITS) {
            nodes.problems().add(node, path, items.size() + " limits",
                    "at most " + RateLimitConfig.MAX_LIMITS + " limits");
            return RateLimitConfig.NONE;
        }
        List<Limit> limits = new ArrayList<>(items.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Limit l = limit(nodes, items.get(i), path + "[" + i + "]", names);
            if (l != null) {
                limits.add(l);
            }
        }
        return new RateLimitConfig(limits);
    }

    private static Limit limit(Nodes nodes, Node node, String path, Set<String> names) {
        YamlMap m = nodes.map(node, path, "a mapping with name, key, rate and burst", KEYS);
        if (m == null) {
            return null;
        }
        Node nameNode = m.require("name", "a limit name: 1 to 64 of a-z, 0-9, _ and -");
        String name = nameNode == null ? null : nodes.parsed(nameNode, m.path("name"),
                "a limit name: 1 to 64 of a-z, 0-9, _ and -", RateLimitBinder::name);
        if (name != null && !names.add(name)) {
            nodes.problems().add(nameNode, m.path("name"), name, "a name no other limit in this list has");
            name = null;
        }
        String[] key = m.parsed("key", new String[] {"ip", null}, KEY, RateLimitBinder::key);
        Node rateNode = m.require("rate", RATE);
        long[] rate = rateNode == null ? null : nodes.parsed(rateNode, m.path("rate"), RATE, RateLimitBinder::rate);
        long burst = m.integer("burst", rate == null ? 1 : rate[0], 1, MAX_RATE);
        if (name == null || rate == null) {
            return null;
        }
        KeyKind kind = switch (key[0]) {
            case "ip+route" -> KeyKind.IP_ROUTE;
            case "header" -> KeyKind.HEADER;
            default -> KeyKind.IP;
        };
        return new Limit(name, kind, key[1], rate[0], Duration.ofNanos(rate[1]), (int) burst);
    }

    private static String name(String text) {
        if (!NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("a limit name: 1 to 64 of a-z, 0-9, _ and -");
        }
        return text;
    }

    /** {@code {kind, header}}. */
    static String[] key(String text) {
        if (text.equals("ip") || text.equals("ip+route")) {
            return new String[] {text, null};
        }
        if (text.startsWith("header:") && TOKEN.matcher(text.substring(7)).matches()) {
            return new String[] {"header", text.substring(7)};
        }
        throw new IllegalArgumentException(KEY);
    }

    /** {@code {tokens, period in nanoseconds}}. */
    static long[] rate(String text) {
        int slash = text.indexOf('/');
        if (slash < 1 || slash != text.length() - 2 || slash > 7) {
            throw new IllegalArgumentException(RATE);
        }
        long per = switch (text.charAt(slash + 1)) {
            case 's' -> 1_000_000_000L;
            case 'm' -> 60_000_000_000L;
            case 'h' -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException(RATE);
        };
        long n = 0;
        for (int i = 0; i < slash; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(RATE);
            }
            n = n * 10 + (c - '0');
        }
        if (n < 1 || n > MAX_RATE) {
            throw new IllegalArgumentException(RATE);
        }
        return new long[] {n, per};
    }
}
