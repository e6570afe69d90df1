package dev.pincer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code ip_filter} mapping, global ({@code protection.ip_filter}) or a route's
 * ({@code routes[i].protection.ip_filter}): allow and deny lists, inline and in list files
 * ({@link IpListFile}). How the lists of a route and the global ones combine is the IP filter's
 * precedence (docs/configuration.md, "protection.ip_filter").
 *
 * <p>Example: {@code deny: [203.0.113.0/24]} with {@code deny_files: [/etc/pincer/deny.txt]}.
 *
 * @param path       the key path of the mapping, {@code protection.ip_filter}, for findings and events
 * @param allow      inline allow entries, in file order
 * @param deny       inline deny entries, in file order
 * @param allowFiles absolute paths of allow list files; each was read and parsed cleanly at load
 * @param denyFiles  absolute paths of deny list files; the same
 */
public record IpFilterConfig(String path, List<CidrRange> allow, List<CidrRange> deny, List<Path> allowFiles,
                             List<Path> denyFiles) {
    /** No lists: filters nothing. */
    public static final IpFilterConfig DEFAULT =
            new IpFilterConfig("protection.ip_filter", List.of(), List.of(), List.of(), List.of());

    public IpFilterConfig {
        Objects.requireNonNull(path, "path");
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        allowFiles = List.copyOf(allowFiles);
        denyFiles = List.copyOf(denyFiles);
    }

    /**
     * True when an allow list is in force: a non-empty inline list, or any allow file, even an empty
     * one (a configured allow file that is empty admits no one: the safe reading of a truncated file).
     */
    public boolean hasAllow() {
        return !allow.isEmpty() || !allowFiles.isEmpty();
    }

    /** True when a deny list is configured. */
    public boolean hasDeny() {
        return !deny.isEmpty() || !denyFiles.isEmpty();
    }

    /** True when this mapping filters nothing. */
    public boolean isEmpty() {
        return !hasAllow() && !hasDeny();
    }
}
