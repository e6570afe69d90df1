package dev.pincer.config;

/**
 * A route's own {@code protection} mapping ({@code routes[i].protection}): what it overrides of
 * {@link ProtectionConfig} for the requests it takes. Absent: the global settings apply as they are.
 */
public record RouteProtection(
        IpFilterConfig ipFilter) {
    public static final RouteProtection DEFAULT = new RouteProtection(
            IpFilterConfig.DEFAULT);
}
