package dev.pincer.config;

/**
 * The {@code protection} section: what the edge enforces and how its findings combine with the
 * sinks' (docs/configuration.md, "Protection"). Each edge control has one component here for its
 * global settings; per-route overrides are in {@link RouteProtection}. Absent section: every
 * component takes its default.
 *
 * @param uploads the upload detector ({@code protection.uploads})
 */
public record ProtectionConfig(
        UploadConfig uploads) {
    public static final ProtectionConfig DEFAULT = new ProtectionConfig(
            UploadConfig.DEFAULT);
}
