package dev.pincer.correlator.redirect;

import dev.pincer.correlator.analyzer.internal.HostText;
import java.util.ArrayList;
import java.util.List;

/**
 * The external hosts a redirect may go to ({@code correlator.redirect_allowlist}): an entry
 * {@code example.com} allows exactly that host; {@code *.example.com} allows its subdomains at any
 * depth but not {@code example.com} itself (list both to allow both). Matching is on normalised
 * hosts ({@link HostText}), so case and a trailing dot do not matter.
 *
 * <p>Example: with {@code [partner.example, *.cdn.example]}, {@code PARTNER.example.} and
 * {@code a.b.cdn.example} are allowed, {@code cdn.example} and {@code evilpartner.example} are not.
 */
final class HostAllowlist {
    private final List<String> exact = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();

    HostAllowlist(List<String> entries) {
        for (String e : entries) {
            String h = HostText.normalize(e);
            if (h.startsWith("*.")) {
                suffixes.add(h.substring(1));
            } else if (!h.isEmpty()) {
                exact.add(h);
            }
        }
    }

    boolean allows(String host) {
        if (exact.contains(host)) {
            return true;
        }
        for (String s : suffixes) {
            if (host.endsWith(s) && host.length() > s.length()) {
                return true;
            }
        }
        return false;
    }
}
