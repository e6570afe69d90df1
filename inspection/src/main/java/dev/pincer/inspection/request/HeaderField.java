package dev.pincer.inspection.request;

import java.util.Objects;

/**
 * One request header field as received, in order; repeated fields stay separate.
 *
 * <p>Example: {@code new HeaderField("Accept-Language", "en-US,en;q=0.9")}.
 *
 * @param name  the field name as sent (case is not significant)
 * @param value the field value, without leading or trailing whitespace
 */
public record HeaderField(String name, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
