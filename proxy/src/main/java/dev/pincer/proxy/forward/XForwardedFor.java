package dev.pincer.proxy.forward;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The hops of {@code X-Forwarded-For} (all its fields joined by commas), right-most first, up to
 * a bound. Each element is an {@link IpLiteral#hostPort} form; {@code unknown}, a name, an empty
 * element or anything else ends the list with a {@code null} (the walk stops there).
 *
 * <p>Example: {@code "203.0.113.7, [2001:db8::1]:443, 10.0.0.2"} gives {@code [10.0.0.2, 2001:db8::1, 203.0.113.7]};
 * {@code "203.0.113.7, evil.example, 10.0.0.2"} gives {@code [10.0.0.2, null]}.
 */
final class XForwardedFor {
    private XForwardedFor() {
    }

    static List<InetAddress> hops(String xff, int max) {
        List<InetAddress> out = new ArrayList<>(4);
        int end = xff.length();
        while (out.size() < max) {
            int comma = xff.lastIndexOf(',', end - 1);
            InetAddress a = IpLiteral.hostPort(xff.substring(comma + 1, end).strip());
            out.add(a);
            if (a == null || comma < 0) {
                break;
            }
            end = comma;
        }
        return out;
    }
}
