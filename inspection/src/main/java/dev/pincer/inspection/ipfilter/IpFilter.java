package dev.pincer.inspection.ipfilter;

import dev.pincer.config.IpFilterConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The IP filter, as a participant of the edge transaction (control {@code ip_filter}): answers a
 * client the lists deny with 403 at the request head, before any other work; it never needs the
 * body. Compiled per config generation and route from the global and the route's lists.
 *
 * <p>Precedence, the first row that applies decides (docs/configuration.md, "protection.ip_filter"):
 * <ol>
 * <li>the client is in the route's deny list: denied;</li>
 * <li>in the route's allow list: allowed (a route may admit what the global deny list holds);</li>
 * <li>in the global deny list: denied;</li>
 * <li>the route has an allow list: denied (it replaces the global allow list for the route);</li>
 * <li>in the global allow list: allowed;</li>
 * <li>a global allow list exists: denied;</li>
 * <li>otherwise allowed.</li>
 * </ol>
 *
 * <p>Example: global {@code deny: [203.0.113.0/24]}, route {@code allow: [203.0.113.7]}: on that
 * route 203.0.113.7 is let through and 203.0.113.8 gets 403 (row 3).
 */
public final class IpFilter implements Participant {
    public static final String CONTROL = "ip_filter";

    private final Lists route;
    private final Lists global;
    private final Step step = new Check();

    private IpFilter(Lists route, Lists global) {
        this.route = route;
        this.global = global;
    }

    /**
     * The filter for one route in one config generation, or null when neither the route nor the
     * global section has a list (the request then pays nothing).
     *
     * @param files the server's long-lived list files (reused across reloads; closed by the server)
     * @throws java.io.UncheckedIOException when a list file not yet watched can no longer be read
     */
    public static IpFilter compile(ProtectionConfig global, RouteProtection route, IpListFiles files) {
        Objects.requireNonNull(files, "files");
        IpFilterConfig g = global.ipFilter();
        IpFilterConfig r = route.ipFilter();
        if (g.isEmpty() && r.isEmpty()) {
            return null;
        }
        return new IpFilter(Lists.of(r, files), files.global(g));
    }

    @Override
    public String control() {
        return CONTROL;
    }

    @Override
    public Step open(Transaction tx) {
        return step; // stateless: one step object serves every request
    }

    /** Why {@code client} is denied, for the finding; null when it is allowed. */
    String denied(InetAddress client) {
        if (client == null) {
            return "no client address";
        }
        byte[] a = Addresses.normalised(client);
        String hit = route.deny.match(a);
        if (hit != null) {
            return Addresses.text(client) + " in deny list " + hit;
        }
        if (route.allow.match(a) != null) {
            return null;
        }
        hit = global.deny.match(a);
        if (hit != null) {
            return Addresses.text(client) + " in deny list " + hit;
        }
        if (route.allowInForce) {
            return Addresses.text(client) + " not in allow list " + route.path;
        }
        if (global.allow.match(a) != null) {
            return null;
        }
        return global.allowInForce ? Addresses.text(client) + " not in allow list " + global.path : null;
    }

    private final class Check implements Step {
        @Override
        public Outcome requestHead(Transaction tx) {
            String why = denied(tx.client());
            return why == null ? Outcome.CONTINUE
                    : Outcome.block(403, new Finding(CONTROL, AttackClass.ACCESS, null, why, 0));
        }
    }
}
