package dev.pincer.config;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import java.util.List;
import java.util.Locale;

/**
 * Binds the policy's own keys of {@code protection} ({@code mode}, {@code incomplete},
 * {@code on_analysis_limit}, {@code body_prefix_bytes}) and of {@code routes[i].protection}
 * ({@code mode}, {@code incomplete}), and reports the keys that moved here from {@code correlator}
 * and from the route itself as errors naming the new place, so an old file never silently changes
 * meaning: {@code pincer.yaml:11: correlator.mode: moved to protection.mode (expected: ...)}.
 */
final class PolicyBinder {
    /** The policy's keys of {@code protection}. */
    static final List<String> KEYS = List.of("mode", "incomplete", "on_analysis_limit", "body_prefix_bytes");
    /** The policy's keys of {@code routes[i].protection}. */
    static final List<String> ROUTE_KEYS = List.of("mode", "incomplete");
    /** Keys of {@code correlator} that now live in {@code protection}. */
    static final List<String> MOVED_FROM_CORRELATOR = List.of("mode", "on_analysis_limit", "body_prefix_bytes");
    private static final String MODES = "hybrid, edge or monitor";
    private static final String INCOMPLETE = "reject or suspect";
    private static final String ON_LIMIT = "block or allow";

    private final Nodes nodes;

    PolicyBinder(Nodes nodes) {
        this.nodes = nodes;
    }

    ProtectionConfig bind(YamlMap m) {
        return new ProtectionConfig(
                m.parsed("mode", Mode.HYBRID, MODES, t -> named(Mode.class, t, MODES)),
                m.parsed("incomplete", RouteConfig.Incomplete.REJECT, INCOMPLETE,
                        t -> named(RouteConfig.Incomplete.class, t, INCOMPLETE)),
                m.parsed("on_analysis_limit", ProtectionConfig.DEFAULT_ON_ANALYSIS_LIMIT, ON_LIMIT,
                        t -> named(OnAnalysisLimit.class, t, ON_LIMIT)),
                (int) m.size("body_prefix_bytes", ProtectionConfig.DEFAULT_BODY_PREFIX_BYTES, 0,
                        ProtectionConfig.MAX_BODY_PREFIX_BYTES));
    }

    RouteProtection bindRoute(YamlMap m) {
        return new RouteProtection(
                m.parsed("mode", null, MODES, t -> named(Mode.class, t, MODES)),
                m.parsed("incomplete", null, INCOMPLETE, t -> named(RouteConfig.Incomplete.class, t, INCOMPLETE)));
    }

    /** One problem per key of {@code m} that moved to {@code newPlace} ({@code protection}). */
    void moved(YamlMap m, List<String> keys, String newPlace) {
        for (String key : keys) {
            if (m.has(key)) {
                String to = newPlace + "." + key;
                nodes.problems().add(m.get(key), m.path(key), "moved to " + to,
                        to + " (the correlator section keeps only the sensor protocol's settings;"
                                + " docs/configuration.md, \"Protection\")");
            }
        }
    }

    /** {@code routes[i].incomplete}, which moved to {@code routes[i].protection.incomplete}. */
    void movedRouteKey(YamlMap route) {
        if (route.has("incomplete")) {
            String to = route.path("protection") + ".incomplete";
            nodes.problems().add(route.get("incomplete"), route.path("incomplete"), "moved to " + to,
                    to + " (docs/configuration.md, \"Protection\")");
        }
    }

    static <E extends Enum<E>> E named(Class<E> type, String text, String expected) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expected);
        }
    }
}
