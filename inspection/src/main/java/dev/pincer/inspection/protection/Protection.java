package dev.pincer.inspection.protection;

import dev.pincer.config.PincerConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteConfig;
import dev.pincer.config.RouteProtection;
import dev.pincer.inspection.ban.Bans;
import dev.pincer.inspection.ipfilter.IpFilter;
import dev.pincer.inspection.ratelimit.RateLimits;
import dev.pincer.inspection.upload.Uploads;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.InspectionLimits;
import dev.pincer.inspection.transaction.Participant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.pincer.inspection.rules.RuleSets;
import dev.pincer.inspection.rules.SignatureInspection;
import dev.pincer.inspection.seclang.SecLangEngine;

/**
 * One config generation's compiled edge protection: for every route (by identity of its
 * {@link RouteConfig}) and for requests that matched none, the participants a request's
 * transaction opens, in the order they run. Immutable; the proxy's routing generation holds it, so
 * a reload swaps routes and protection in one step. The long-lived state the controls share across
 * generations is in {@link EdgeState}.
 *
 * <p>The controls are registered in one explicit list, {@link #participants(PincerConfig,
 * RouteConfig, EdgeState)}. Example: {@code Protection.compile(config, state).participants(route)}
 * is empty while no control is configured, and a request then streams as if there were no edge.
 */
public final class Protection {
    private final Map<RouteConfig, List<Participant>> perRoute;
    private final List<Participant> unrouted;
    private final int bodyPrefixBytes;
    private final InputExtractor extractor;

    private Protection(Map<RouteConfig, List<Participant>> perRoute, List<Participant> unrouted, int bodyPrefixBytes) {
        this.perRoute = perRoute;
        this.unrouted = unrouted;
        this.bodyPrefixBytes = bodyPrefixBytes;
        this.extractor = new InputExtractor(InspectionLimits.DEFAULT.forBody(bodyPrefixBytes));
    }

    /** Compiles every route's participants for {@code config}, sharing {@code state}. */
    public static Protection compile(PincerConfig config, EdgeState state) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(state, "state");
        if (state.closed()) {
            throw new IllegalStateException("edge state is closed");
        }
        SecLangEngine rules = RuleSets.load(config.protection().rules());
        Map<RouteConfig, List<Participant>> perRoute = new IdentityHashMap<>();
        for (RouteConfig r : config.routes()) {
            perRoute.put(r, participants(config, r, state, rules));
        }
        return new Protection(perRoute, participants(config, null, state, rules), bodyPrefixBytes(config));
    }

    /**
     * The same participants for every route and for unrouted requests: for tests and tools that
     * drive the proxy with controls of their own. Production code uses {@link #compile}.
     */
    public static Protection of(List<Participant> participants, int bodyPrefixBytes) {
        List<Participant> list = List.copyOf(participants);
        if (bodyPrefixBytes <= 0) {
            throw new IllegalArgumentException("bodyPrefixBytes: " + bodyPrefixBytes + " (expected: > 0)");
        }
        return new Protection(null, list, bodyPrefixBytes);
    }

    /**
     * The registry: every edge control, in the order a request meets them. The IP filter comes
     * first (a denied client costs nothing else), then bans, then rate limits, then upload
     * detection, then the rule engine (the most expensive, and the one that needs the most). A control that is off for {@code route} is left out, so a route with nothing on
     * gets an empty list.
     *
     * @param route the route, or null for requests that matched none
     */
    static List<Participant> participants(PincerConfig config, RouteConfig route, EdgeState state,
                                          SecLangEngine rules) {
        ProtectionConfig global = config.protection();
        RouteProtection own = route == null ? RouteProtection.DEFAULT : route.protection();
        List<Participant> list = new ArrayList<>(4);
        add(list, IpFilter.compile(global, own, state.ipLists()));
        add(list, Bans.participant(state.bans(), global.bans()));
        add(list, RateLimits.compile(global, own, state.rates()));
        add(list, Uploads.compile(global, own));
        if (rules != null) {
            list.add(new SignatureInspection(rules, route == null ? global.incomplete() : route.incomplete(),
                    own.ruleExclusions(), state.ruleMetrics(), global.bodyPrefixBytes()));
        }
        return List.copyOf(list);
    }

    private static void add(List<Participant> list, Participant p) {
        if (p != null) {
            list.add(p);
        }
    }

    /** The body prefix bytes the correlator reads, or its default when no correlator is configured. */
    private static int bodyPrefixBytes(PincerConfig config) {
        return config.protection().bodyPrefixBytes();
    }

    /** The participants for a request of {@code route}, or of no route ({@code null}); never null. */
    public List<Participant> participants(RouteConfig route) {
        if (route == null || perRoute == null) {
            return unrouted;
        }
        List<Participant> p = perRoute.get(route);
        return p == null ? unrouted : p;
    }

    /**
     * How much of a request body the edge holds and inspects before forwarding, for participants
     * that need the body: the same bound as the correlator's body prefix.
     */
    public int bodyPrefixBytes() {
        return bodyPrefixBytes;
    }

    /**
     * Extracts inputs for participants when no correlator does (values as long as the body
     * prefix); thread-safe and shared by the generation.
     */
    public InputExtractor extractor() {
        return extractor;
    }
}
