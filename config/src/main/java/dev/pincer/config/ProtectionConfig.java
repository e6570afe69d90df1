package dev.pincer.config;

/**
 * The {@code protection} section: what the edge enforces and how its findings combine with the
 * sinks' (docs/configuration.md, "Protection"). Each edge control has one component here for its
 * global settings; per-route overrides are in {@link RouteProtection}. Absent section: every
 * component takes its default.
 */
public record ProtectionConfig(
        IpFilterConfig ipFilter) {
    public static final ProtectionConfig DEFAULT = new ProtectionConfig(
            IpFilterConfig.DEFAULT);
}
