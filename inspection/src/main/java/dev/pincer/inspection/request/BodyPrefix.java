package dev.pincer.inspection.request;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first bytes of a request body, as far as the proxy buffered them for inspection (bounded by
 * the proxy: up to 128 KiB of non-file body by default). The array is not copied: the caller hands
 * it over and must not change it afterwards.
 *
 * <p>Example: {@code new BodyPrefix("a=1&b=2".getBytes(UTF_8), true)} is a whole 7-byte body;
 * {@code new BodyPrefix(first64k, false)} says more of the body followed.
 *
 * @param bytes    the prefix
 * @param complete true when {@code bytes} is the whole body
 */
public record BodyPrefix(byte[] bytes, boolean complete) {
    public BodyPrefix {
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyPrefix b && complete == b.complete && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(complete);
    }

    @Override
    public String toString() {
        return "BodyPrefix[" + bytes.length + " bytes" + (complete ? "]" : ", more follows]");
    }
}
