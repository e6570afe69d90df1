package dev.pincer.config;

/**
 * A route's own {@code protection} mapping ({@code routes[i].protection}): what it overrides of
 * {@link ProtectionConfig} for the requests it takes. Absent: the global settings apply as they are.
 *
 * <p>Example: {@code protection: {mode: monitor}} on a new route is
 * {@code new RouteProtection(Mode.MONITOR, null)}: its requests are logged, never blocked, while the
 * other routes keep the global mode.
 *
 * @param mode       the route's mode, or {@code null} for {@code protection.mode}
 * @param incomplete the route's incomplete-request policy as written, or {@code null} for
 *                   {@code protection.incomplete} ({@link RouteConfig#incomplete()} is the one in force)
 */
public record RouteProtection(ProtectionConfig.Mode mode, RouteConfig.Incomplete incomplete) {
    public static final RouteProtection DEFAULT = new RouteProtection(null, null);
}
