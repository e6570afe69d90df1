package dev.pincer.inspection.ipfilter;

import dev.pincer.config.IpFilterConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The allow and deny lists of one {@code ip_filter} mapping, each its inline entries and its files
 * searched in turn, and whether an allow list is in force (a configured allow list, even an empty
 * file, denies everyone not in it).
 *
 * <p>Example: {@code Lists.of(config.protection().ipFilter(), files).deny.match(address)}.
 */
final class Lists {
    final String path;
    final IpSource allow;
    final IpSource deny;
    final boolean allowInForce;

    private Lists(String path, IpSource allow, IpSource deny, boolean allowInForce) {
        this.path = path;
        this.allow = allow;
        this.deny = deny;
        this.allowInForce = allowInForce;
    }

    static Lists of(IpFilterConfig c, IpListFiles files) {
        return new Lists(c.path(), source(c.path() + ".allow", c.allow(), c.allowFiles(), files),
                source(c.path() + ".deny", c.deny(), c.denyFiles(), files), c.hasAllow());
    }

    private static IpSource source(String key, List<dev.pincer.config.CidrRange> inline, List<Path> paths,
                                   IpListFiles files) {
        List<IpSource> all = new ArrayList<>(1 + paths.size());
        if (!inline.isEmpty()) {
            all.add(new InlineList(key, inline));
        }
        for (Path p : paths) {
            all.add(files.watch(p));
        }
        if (all.isEmpty()) {
            return a -> null;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        IpSource[] each = all.toArray(new IpSource[0]);
        return a -> {
            for (IpSource s : each) {
                String hit = s.match(a);
                if (hit != null) {
                    return hit;
                }
            }
            return null;
        };
    }
}
