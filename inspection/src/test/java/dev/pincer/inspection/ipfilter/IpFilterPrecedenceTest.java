package dev.pincer.inspection.ipfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.config.CidrRange;
import dev.pincer.config.IpFilterConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The precedence table of docs/configuration.md ("protection.ip_filter"), row by row: route deny,
 * route allow, global deny, route allow in force, global allow, global allow in force, default allow.
 * A list column is {@code -} for none, else its entries; {@code expected} is {@code allow} or the
 * denial's message.
 */
class IpFilterPrecedenceTest {
    private static final IpListFiles FILES = new IpListFiles();
    private static final String R = "routes[0].protection.ip_filter";
    private static final String G = "protection.ip_filter";

    @ParameterizedTest(name = "route deny {0} allow {1}, global deny {2} allow {3}: {4} -> {5}")
    @CsvSource(delimiter = '|', value = {
        // row 1: the route's deny list wins over everything
        "10.0.0.0/8 | 10.0.0.1   | -           | 10.0.0.1   | 10.0.0.1    | 10.0.0.1 in deny list " + R + ".deny[0] (10.0.0.0/8)",
        // row 2: the route's allow list admits what the global deny list holds
        "-          | 10.0.0.1   | 10.0.0.0/8  | -          | 10.0.0.1    | allow",
        // row 3: global deny, when the route's lists do not hold the client
        "-          | 10.0.0.1   | 10.0.0.0/8  | -          | 10.0.0.2    | 10.0.0.2 in deny list " + G + ".deny[0] (10.0.0.0/8)",
        "192.0.2.1  | -          | 10.0.0.0/8  | -          | 10.0.0.2    | 10.0.0.2 in deny list " + G + ".deny[0] (10.0.0.0/8)",
        // row 4: a route allow list replaces the global one for its route
        "-          | 10.0.0.1   | -           | 10.0.0.2   | 10.0.0.2    | 10.0.0.2 not in allow list " + R,
        "-          | 10.0.0.1   | -           | -          | 192.0.2.9   | 192.0.2.9 not in allow list " + R,
        // row 5: global allow
        "-          | -          | 10.0.0.1    | 10.0.0.0/8 | 10.0.0.2    | allow",
        // row 1 over row 5
        "10.0.0.2   | -          | -           | 10.0.0.0/8 | 10.0.0.2    | 10.0.0.2 in deny list " + R + ".deny[0] (10.0.0.2)",
        // row 6: a global allow list denies everyone not in it
        "-          | -          | -           | 10.0.0.0/8 | 192.0.2.9   | 192.0.2.9 not in allow list " + G,
        // row 7: no list holds the client and no allow list is in force
        "192.0.2.1  | -          | 10.0.0.0/8  | -          | 198.51.100.1 | allow",
        // families: IPv6 blocks hold IPv6 clients only; an IPv4-mapped client is its IPv4 address
        "2001:db8::/32 | -       | -           | -          | 2001:db8::5 | 2001:db8:0:0:0:0:0:5 in deny list " + R + ".deny[0] (2001:db8::/32)",
        "2001:db8::/32 | -       | -           | -          | 10.0.0.1    | allow",
        "::ffff:10.0.0.0/104 | - | -           | -          | 10.1.2.3    | 10.1.2.3 in deny list " + R + ".deny[0] (::ffff:10.0.0.0/104)",
        "-          | -          | -           | ::/0       | 10.0.0.1    | 10.0.0.1 not in allow list " + G,
        "-          | -          | -           | 0.0.0.0/0 ::/0 | 2001:db8::1 | allow",
    })
    void theFirstRowThatAppliesDecides(String routeDeny, String routeAllow, String globalDeny, String globalAllow,
                                       String client, String expected) throws UnknownHostException {
        ProtectionConfig global = ProtectionConfig.DEFAULT.withIpFilter(new IpFilterConfig(G, list(globalAllow), list(globalDeny),
                List.of(), List.of()));
        RouteProtection route = RouteProtection.DEFAULT.withIpFilter(new IpFilterConfig(R, list(routeAllow), list(routeDeny),
                List.of(), List.of()));
        IpFilter filter = IpFilter.compile(global, route, FILES);
        String denied = filter.denied(InetAddress.getByName(client));
        if (expected.equals("allow")) {
            assertNull(denied);
        } else {
            assertEquals(expected, denied);
        }
    }

    @org.junit.jupiter.api.Test
    void noListAnywhereCompilesToNoParticipant() {
        assertNull(IpFilter.compile(ProtectionConfig.DEFAULT, RouteProtection.DEFAULT, FILES));
    }

    @AfterAll
    static void close() {
        FILES.close();
    }

    private static List<CidrRange> list(String column) {
        return column.equals("-") ? List.of()
                : Arrays.stream(column.trim().split("\\s+")).map(CidrRange::parse).toList();
    }
}
