package dev.pincer.config;

/**
 * A route's own {@code protection} mapping ({@code routes[i].protection}): what it overrides of
 * {@link ProtectionConfig} for the requests it takes. Absent: the global settings apply as they are.
 *
 * @param uploads the route's upload settings; {@link UploadConfig#INHERIT} when it sets none
 */
public record RouteProtection(
        UploadConfig uploads) {
    public static final RouteProtection DEFAULT = new RouteProtection(
            UploadConfig.INHERIT);
}
