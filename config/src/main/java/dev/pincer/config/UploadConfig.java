package dev.pincer.config;

import java.util.List;

/**
 * The {@code uploads} settings: whether the upload detector inspects file uploads, and which
 * detected types alone may be uploaded (docs/configuration.md, "Uploads"). Globally under
 * {@code protection.uploads}; a route's {@code routes[i].protection.uploads} overrides the keys it
 * sets and inherits the rest ({@link #over}).
 *
 * <p>Example: {@code uploads: {allow: [image/png, image/jpeg]}} accepts only PNG and JPEG files
 * (by their bytes), on top of the default blocks.
 *
 * @param enabled true to inspect uploads; null in a route that does not set it (inherit)
 * @param allow   media types ({@code type/subtype} or {@code type/*}, lower case) that alone may be
 *                uploaded; empty: any type the default blocks let through; null in a route that
 *                does not set it (inherit)
 */
public record UploadConfig(Boolean enabled, List<String> allow) {
    /** On by default: an upload that is really an executable or a script is blocked out of the box. */
    public static final UploadConfig DEFAULT = new UploadConfig(true, List.of());
    /** A route that sets nothing: everything comes from the global settings. */
    public static final UploadConfig INHERIT = new UploadConfig(null, null);

    public UploadConfig {
        allow = allow == null ? null : List.copyOf(allow);
    }

    /** These settings with every unset key taken from {@code global} (which sets all keys). */
    public UploadConfig over(UploadConfig global) {
        return new UploadConfig(enabled != null ? enabled : global.enabled(), allow != null ? allow : global.allow());
    }

    /** True when inspection is on (an unset value counts as the default, on). */
    public boolean on() {
        return enabled == null || enabled;
    }
}
