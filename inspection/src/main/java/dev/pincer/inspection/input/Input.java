package dev.pincer.inspection.input;

import java.util.Objects;

/**
 * One user-controlled value of a request, kept in the two forms in which an application may use
 * it: as it arrived, and URL-decoded once (for sources that are URL-encoded on the wire; for the
 * others both forms are equal).
 *
 * <p>Example: query {@code ?id=1%20or%201%3D1} gives
 * {@code Input(QUERY, "id", "1%20or%201%3D1", "1 or 1=1")}.
 *
 * @param source  where it came from
 * @param name    the parameter, cookie or header name, or a JSON/XML path; never null, may be empty
 * @param raw     the value as it was on the wire (bounded by the body processors' limits)
 * @param decoded the value URL-decoded once (percent escapes, and {@code +} as space where the
 *                source is form-encoded); equals {@code raw} when nothing was encoded
 */
public record Input(InputSource source, String name, String raw, String decoded) {
    public Input {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(decoded, "decoded");
    }

    /** An input that arrived unencoded: both forms are {@code value}. */
    public static Input plain(InputSource source, String name, String value) {
        return new Input(source, name, value, value);
    }

    /** {@code source.label() + ":" + name}, e.g. {@code query:id}: how events say where it came from. */
    public String where() {
        return source.label() + ":" + name;
    }
}
